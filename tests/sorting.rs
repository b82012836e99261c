//! The app's one sort (`model::sorting`) against the standard library's.

use comeback::model::sorting;

/// A small deterministic generator: the same lists on every run.
fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % range
        })
        .collect()
}

// Guards every list the app sorts: the same order as the standard stable
// sort, equal keys kept in the order they came (the tag records it), for
// empty, single, sorted, reversed and repeated lists.
#[test]
fn the_one_sort_orders_as_the_standard_stable_sort_does() {
    let mut lists: Vec<Vec<u64>> = vec![vec![], vec![7], (0..50).collect(), (0..50).rev().collect(), vec![3; 40]];
    for (seed, len, range) in [(1, 10, 3), (2, 100, 10), (3, 1000, 50), (4, 5000, 5000), (5, 33, 2)] {
        lists.push(numbers(seed, len, range));
    }
    for list in lists {
        let tagged: Vec<(u64, usize)> = list.iter().copied().zip(0..).collect();
        let mut expected = tagged.clone();
        expected.sort_by_key(|(key, _)| *key);
        let mut ours = tagged.clone();
        sorting::sort_by_key(&mut ours, |(key, _)| *key);
        assert_eq!(ours, expected, "by key, stable");
        let mut ours = tagged.clone();
        sorting::sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        expected.sort_by_key(|b| std::cmp::Reverse(b.0));
        assert_eq!(ours, expected, "by a comparison, stable");
        let mut plain = list.clone();
        sorting::sort(&mut plain);
        let mut standard = list;
        standard.sort();
        assert_eq!(plain, standard);
    }
    // Items that are not Copy or Clone move too.
    let mut names: Vec<String> = ["Lima", "Ana", "Okafor", "amina"].map(String::from).to_vec();
    sorting::sort_by_key(&mut names, |name| name.to_lowercase());
    assert_eq!(names, ["amina", "Ana", "Lima", "Okafor"]);
    // The cached key orders the same, each key made once.
    let made = std::cell::Cell::new(0);
    let mut cached: Vec<String> = ["Lima", "Ana", "Okafor", "amina"].map(String::from).to_vec();
    sorting::sort_by_cached_key(&mut cached, |name| {
        made.set(made.get() + 1);
        name.to_lowercase()
    });
    assert_eq!(cached, names);
    assert_eq!(made.get(), 4);
}
