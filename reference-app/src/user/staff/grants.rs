//! The rules of staff user management that the access policy does not hold: which roles an
//! admin may give, and where each role sits in the network. `pti_core::policy` says which
//! account rows a caller may create, read, change or delete (an agency admin: those of its
//! agency); these rules add that a role is never given above the giver's own nor outside what
//! the giver runs, and which of agency and centre each role needs.

use pti_core::policy::Role;
use uuid::Uuid;

use crate::domain::AccountStatus;
use crate::error::{Error, Result};

/// Whether an account holding `giver` may give `role`: create an account with it, edit an
/// account holding it, or change an account's role to it.
///
/// ADMIN_TENANT gives every staff role of its network, its own included (the spec grants it
/// `tenant:*`, and a network needs more than one admin); ADMIN_AGENCE gives the roles of its
/// agency's centres (ADMIN_CT, CONTROLEUR); no other role gives any. Nobody gives SUPER_ADMIN
/// (the platform's), CLIENT (clients sign up, or the call centre books for them) or API_KEY
/// (a key, not an account). The super admin's user management comes with the platform admin.
pub fn grantable(giver: Role, role: Role) -> bool {
    use Role::*;
    match giver {
        AdminTenant => matches!(
            role,
            AdminTenant | AdminAgence | AdminCt | Controleur | CallCenter
        ),
        AdminAgence => matches!(role, AdminCt | Controleur),
        SuperAdmin | AdminCt | Controleur | CallCenter | Client | ApiKey => false,
    }
}

/// 403 `ROLE_NOT_GRANTABLE` unless `giver` may give `role`.
pub fn require_grantable(giver: Role, role: Role) -> Result<()> {
    if grantable(giver, role) {
        Ok(())
    } else {
        Err(Error::Denied {
            code: "ROLE_NOT_GRANTABLE",
            message: format!("a {} cannot give the role {}", giver.code(), role.code()),
        })
    }
}

/// Where the holder of a role works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seat {
    /// The whole network (ADMIN_TENANT, CALL_CENTER, CLIENT, and the platform's SUPER_ADMIN).
    Network,
    /// One agency (ADMIN_AGENCE).
    Agency,
    /// One centre (ADMIN_CT, CONTROLEUR).
    Centre,
}

/// The seat of `role`.
pub fn seat(role: Role) -> Seat {
    match role {
        Role::AdminAgence => Seat::Agency,
        Role::AdminCt | Role::Controleur => Seat::Centre,
        Role::SuperAdmin | Role::AdminTenant | Role::CallCenter | Role::Client | Role::ApiKey => {
            Seat::Network
        }
    }
}

/// An account's agency and centre, or the ones a request names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// Agency.
    pub agency_id: Option<Uuid>,
    /// Centre.
    pub centre_id: Option<Uuid>,
}

/// Where an account is to sit, before the centre's agency is looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// Neither agency nor centre.
    Network,
    /// This agency.
    Agency(Uuid),
    /// This centre (and its agency; `agency_id` when the request also named one, which must be
    /// the centre's).
    Centre {
        /// The centre.
        centre_id: Uuid,
        /// The agency the request named.
        agency_id: Option<Uuid>,
    },
}

/// Where an account holding `role` sits, from the ids a request names (`given`) and, when
/// editing, the account's current place (`current`): a role takes only the ids of its seat
/// (422 naming any other one given), the given ones first, else the current ones; a missing
/// one is 422 naming it.
pub fn wanted(role: Role, given: Place, current: Place) -> Result<Wanted> {
    let not_for = |field| Error::validation(field, format!("not for the role {}", role.code()));
    let required =
        |field| Error::validation(field, format!("required for the role {}", role.code()));
    match seat(role) {
        Seat::Network => {
            if given.agency_id.is_some() {
                return Err(not_for("agency_id"));
            }
            if given.centre_id.is_some() {
                return Err(not_for("centre_id"));
            }
            Ok(Wanted::Network)
        }
        Seat::Agency => {
            if given.centre_id.is_some() {
                return Err(not_for("centre_id"));
            }
            given
                .agency_id
                .or(current.agency_id)
                .map(Wanted::Agency)
                .ok_or_else(|| required("agency_id"))
        }
        Seat::Centre => Ok(Wanted::Centre {
            centre_id: given
                .centre_id
                .or(current.centre_id)
                .ok_or_else(|| required("centre_id"))?,
            agency_id: given.agency_id,
        }),
    }
}

/// The status an account takes when an admin asks for `asked` (`None`: no change): disabling
/// always disables; re-enabling a disabled account makes it `active` again, or `invited` when
/// its holder never chose a password; asking `active` of an account that is not disabled
/// changes nothing.
pub fn status_after(
    current: AccountStatus,
    has_password: bool,
    asked: Option<AccountStatus>,
) -> AccountStatus {
    match (asked, current) {
        (Some(AccountStatus::Disabled), _) => AccountStatus::Disabled,
        (Some(AccountStatus::Active), AccountStatus::Disabled) if has_password => {
            AccountStatus::Active
        }
        (Some(AccountStatus::Active), AccountStatus::Disabled) => AccountStatus::Invited,
        _ => current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    /// The roles each role gives, the whole table.
    fn gives(giver: Role) -> Vec<Role> {
        match giver {
            AdminTenant => vec![AdminTenant, AdminAgence, AdminCt, Controleur, CallCenter],
            AdminAgence => vec![AdminCt, Controleur],
            _ => vec![],
        }
    }

    #[test]
    fn every_pair_of_roles_follows_the_table() {
        for giver in Role::ALL {
            for role in Role::ALL {
                assert_eq!(
                    grantable(giver, role),
                    gives(giver).contains(&role),
                    "{giver:?} gives {role:?}"
                );
            }
        }
    }

    #[test]
    fn no_role_is_given_above_the_givers_own() {
        let rank = |r: Role| match r {
            SuperAdmin => 0,
            AdminTenant => 1,
            AdminAgence => 2,
            _ => 3,
        };
        for giver in Role::ALL {
            for role in Role::ALL.into_iter().filter(|r| grantable(giver, *r)) {
                assert!(rank(role) >= rank(giver), "{giver:?} gives {role:?}");
            }
        }
        assert!(!Role::ALL.iter().any(|g| grantable(*g, SuperAdmin)));
        assert!(!Role::ALL.iter().any(|g| grantable(*g, Client)));
    }

    #[test]
    fn a_refusal_is_role_not_grantable() {
        let e = require_grantable(AdminAgence, CallCenter).unwrap_err();
        assert_eq!((e.status().as_u16(), e.code()), (403, "ROLE_NOT_GRANTABLE"));
        assert!(require_grantable(AdminAgence, Controleur).is_ok());
    }

    fn at(agency: Option<Uuid>, centre: Option<Uuid>) -> Place {
        Place {
            agency_id: agency,
            centre_id: centre,
        }
    }

    fn field(e: Error) -> String {
        match e {
            Error::Unprocessable { details, .. } => details["field"].as_str().unwrap().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_seat_takes_its_own_ids_only() {
        let (a, c) = (Some(Uuid::new_v4()), Some(Uuid::new_v4()));
        let none = Place::default();
        assert_eq!(wanted(CallCenter, none, none).unwrap(), Wanted::Network);
        assert_eq!(
            field(wanted(CallCenter, at(a, None), none).unwrap_err()),
            "agency_id"
        );
        assert_eq!(
            field(wanted(AdminTenant, at(None, c), none).unwrap_err()),
            "centre_id"
        );
        assert_eq!(
            wanted(AdminAgence, at(a, None), none).unwrap(),
            Wanted::Agency(a.unwrap())
        );
        assert_eq!(
            field(wanted(AdminAgence, none, none).unwrap_err()),
            "agency_id"
        );
        assert_eq!(
            field(wanted(AdminAgence, at(a, c), none).unwrap_err()),
            "centre_id"
        );
        assert_eq!(
            wanted(Controleur, at(a, c), none).unwrap(),
            Wanted::Centre {
                centre_id: c.unwrap(),
                agency_id: a
            }
        );
        assert_eq!(
            field(wanted(AdminCt, at(a, None), none).unwrap_err()),
            "centre_id"
        );
    }

    #[test]
    fn an_edit_keeps_the_current_place_its_role_still_takes() {
        let (a, c) = (Some(Uuid::new_v4()), Some(Uuid::new_v4()));
        let centre_staff = at(a, c);
        let none = Place::default();
        // A controller becoming head of the same centre keeps it.
        assert_eq!(
            wanted(AdminCt, none, centre_staff).unwrap(),
            Wanted::Centre {
                centre_id: c.unwrap(),
                agency_id: None
            }
        );
        // Becoming agency admin keeps the centre's agency, drops the centre.
        assert_eq!(
            wanted(AdminAgence, none, centre_staff).unwrap(),
            Wanted::Agency(a.unwrap())
        );
        // A network-wide role leaves both.
        assert_eq!(
            wanted(CallCenter, none, centre_staff).unwrap(),
            Wanted::Network
        );
        // A centre role needs a centre the account lacks.
        assert_eq!(
            field(wanted(Controleur, none, at(a, None)).unwrap_err()),
            "centre_id"
        );
    }

    #[test]
    fn re_enabling_restores_active_or_invited_by_whether_a_password_was_chosen() {
        use AccountStatus::*;
        assert_eq!(status_after(Active, true, Some(Disabled)), Disabled);
        assert_eq!(status_after(Invited, false, Some(Disabled)), Disabled);
        assert_eq!(status_after(Disabled, true, Some(Active)), Active);
        assert_eq!(status_after(Disabled, false, Some(Active)), Invited);
        assert_eq!(status_after(Invited, false, Some(Active)), Invited);
        assert_eq!(status_after(Active, true, None), Active);
    }
}
