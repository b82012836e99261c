//! The choices the model offers as enums (a contact's status, an event's
//! kind…): each variant has a stable key, used in forms, routes and storage,
//! and a label, how it reads to the person. One table per enum writes both.

/// Writes, from one table in the order the choices are offered:
/// `ALL` (every variant, in that order), `key`, `label` and `from_key`.
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
    };
}

pub(crate) use keyed_enum;
