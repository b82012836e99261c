//! One sort for the whole app. The standard library's stable sort is
//! copied for every element type and every comparison (a closure is a type
//! of its own): nine copies of about 4 KB each were in the module every
//! first visit downloads, and more in the pages' chunks. Here only a list
//! of places is ever sorted, by one non-generic function; each element type
//! keeps just the small loop that moves its elements into that order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items (stable).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_places(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, order);
}

/// Sorts `items` by the key each one gives, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// [`sort_by_key`] for a key that costs something to make (a lowercased
/// name): each item's key is made once, not at every comparison.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_places(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    move_into_order(items, order);
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The places 0..len in the order `compare` gives them (stable): the one
/// sort the app's code holds.
#[inline(never)]
fn sorted_places(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut places: Vec<usize> = (0..len).collect();
    places.sort_by(|&a, &b| compare(a, b));
    places
}

/// Moves each item to its place: `order[i]` is where the item that belongs
/// at `i` is now. Each swap puts one item where it belongs.
fn move_into_order<T>(items: &mut [T], order: Vec<usize>) {
    // Where each item goes, by where it is now.
    let mut going_to = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        going_to[from] = to;
    }
    for at in 0..items.len() {
        while going_to[at] != at {
            let to = going_to[at];
            items.swap(at, to);
            going_to.swap(at, to);
        }
    }
}
