//! Typed identifiers: a centre id can never be passed where a tenant id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// Wraps a UUID.
            pub const fn new(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// Derives a stable id from a small integer, for tests, vectors and seeds.
            pub const fn from_u128(n: u128) -> Self {
                Self(Uuid::from_u128(n))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// Identifies an inspection network (tenant).
    TenantId
);
id_type!(
    /// Identifies an agency of a tenant.
    AgencyId
);
id_type!(
    /// Identifies an inspection centre (CT).
    CentreId
);
id_type!(
    /// Identifies an inspector (contrôleur).
    InspectorId
);
id_type!(
    /// Identifies a booking (rendez-vous).
    BookingId
);
id_type!(
    /// Identifies a user account.
    UserId
);
