//! The choices the model offers as enums (a contact's status, an event's
//! kind…): each variant has a stable key, used in forms, routes and storage,
//! and a label, how it reads to the person. One table per enum writes both.

/// A choice offered in a form (a `<select>` of its labels): what
/// [`keyed_enum!`] writes, for the components that show any of them.
pub trait Keyed: Copy + PartialEq + Send + Sync + 'static {
    /// Every choice, in the order they are offered.
    fn choices() -> &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self>;
}

/// Writes, from one table in the order the choices are offered:
/// `ALL` (every variant, in that order), `key`, `label` and `from_key`,
/// and [`Keyed`] from them.
///
/// ```ignore
/// keyed_enum!(ProudKind {
///     Accomplishment => "accomplishment", "Something I did";
///     Praise => "praise", "Praise I received";
/// });
/// ```
macro_rules! keyed_enum {
    ($name:ident { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        impl $name {
            /// Every choice, in the order they are offered.
            pub const ALL: [$name; [$($key),+].len()] = [$($name::$variant),+];

            /// Stable key used in forms, routes and storage.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// How the choice reads to the person using the app.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The choice with `key`, if there is one.
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|choice| choice.key() == key)
            }
        }

        impl $crate::model::keyed::Keyed for $name {
            fn choices() -> &'static [Self] {
                &Self::ALL
            }
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn from_key(key: &str) -> Option<Self> {
                $name::from_key(key)
            }
        }
    };
}

pub(crate) use keyed_enum;

/// Declares an enum without keys or labels together with `ALL`, its
/// variants in the order written, so that a variant added to the enum is
/// in `ALL` too.
macro_rules! listed_enum {
    ($(#[$attr:meta])* $vis:vis enum $name:ident { $($(#[$doc:meta])* $variant:ident,)+ }) => {
        $(#[$attr])*
        $vis enum $name {
            $($(#[$doc])* $variant,)+
        }

        impl $name {
            /// Every variant, in the order written.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
        }
    };
}

pub(crate) use listed_enum;
