//! The role table: for each role, resource and action, the widest scope granted.

use super::{Action, Permission, Resource, Role, Scope};

/// Scope letters of a table line, in [`Action::ALL`] order:
/// create, read, update, delete, cancel, status, export.
type Line = [Option<Scope>; 7];

const N: Option<Scope> = None;
const O: Option<Scope> = Some(Scope::Own);
const C: Option<Scope> = Some(Scope::Centre);
const A: Option<Scope> = Some(Scope::Agency);
const T: Option<Scope> = Some(Scope::Tenant);
const P: Option<Scope> = Some(Scope::Platform);

/// The line of a role and resource.
fn line(role: Role, resource: Resource) -> Line {
    use Resource as R;
    use Role::*;
    match (role, resource) {
        (SuperAdmin, _) => [P; 7],
        //                                 create read update delete cancel status export
        (AdminTenant, R::Tenant) => [N, T, T, N, N, N, N],
        (AdminTenant, R::Settings) => [N, T, T, N, N, N, N],
        (AdminTenant, R::Agency | R::Centre | R::Inspector | R::Planning) => [T, T, T, T, N, N, T],
        (AdminTenant, R::Booking) => [T, T, T, N, T, T, T],
        (AdminTenant, R::Payment) => [N, T, N, N, N, N, T],
        (AdminTenant, R::Refund) => [T, T, N, N, N, N, T],
        (AdminTenant, R::User) => [T, T, T, T, N, N, T],
        (AdminTenant, R::ApiKey) => [T, T, T, T, N, N, N],
        (AdminTenant, R::Client) => [T, T, T, N, N, N, T],
        (AdminTenant, R::Vehicle | R::Call) => [N, T, N, N, N, N, T],
        (AdminTenant, R::Notification) => [T, T, N, N, N, N, N],
        (AdminTenant, R::Invoice) => [T, T, N, N, N, N, T],
        (AdminTenant, R::Report) => [N, T, N, N, N, N, T],
        (AdminTenant, R::AuditLog) => [N, T, N, N, N, N, T],

        (AdminAgence, R::Tenant) => [N, T, N, N, N, N, N],
        (AdminAgence, R::Agency) => [N, T, A, N, N, N, N],
        (AdminAgence, R::Centre) => [A, A, A, N, N, N, A],
        (AdminAgence, R::Inspector | R::Planning) => [A, A, A, A, N, N, A],
        (AdminAgence, R::Booking) => [A, A, A, N, A, A, A],
        (AdminAgence, R::Payment) => [N, A, N, N, N, N, A],
        (AdminAgence, R::Refund) => [A, A, N, N, N, N, N],
        (AdminAgence, R::User) => [A, A, A, N, N, N, A],
        (AdminAgence, R::Client) => [N, T, N, N, N, N, N],
        (AdminAgence, R::Vehicle) => [N, A, N, N, N, N, N],
        (AdminAgence, R::Invoice | R::Report) => [N, A, N, N, N, N, A],

        (AdminCt, R::Centre) => [N, C, C, N, N, N, N],
        (AdminCt, R::Inspector | R::Planning) => [C, C, C, C, N, N, C],
        (AdminCt, R::Booking) => [C, C, C, N, C, C, C],
        (AdminCt, R::Payment) => [N, C, N, N, N, N, N],
        (AdminCt, R::Refund) => [C, C, N, N, N, N, N],
        (AdminCt, R::User) => [N, C, N, N, N, N, N],
        (AdminCt, R::Client) => [N, T, N, N, N, N, N],
        (AdminCt, R::Vehicle) => [N, C, N, N, N, N, N],
        (AdminCt, R::Report) => [N, C, N, N, N, N, C],

        (Controleur, R::Centre) => [N, C, N, N, N, N, N],
        (Controleur, R::Inspector) => [N, C, O, N, N, N, N],
        (Controleur, R::Planning) => [O, C, O, O, N, N, N],
        (Controleur, R::Booking) => [N, C, N, N, N, C, N],
        (Controleur, R::Vehicle) => [N, C, N, N, N, N, N],
        (Controleur, R::User) => [N, O, O, N, N, N, N],

        (CallCenter, R::Agency | R::Centre | R::Planning) => [N, T, N, N, N, N, N],
        (CallCenter, R::Booking) => [T, T, T, N, T, N, N],
        (CallCenter, R::Client | R::Vehicle) => [T, T, T, N, N, N, N],
        (CallCenter, R::Payment) => [T, T, N, N, N, N, N],
        (CallCenter, R::Notification) => [T, T, N, N, N, N, N],
        (CallCenter, R::Call) => [T, T, O, N, N, N, N],
        (CallCenter, R::User) => [N, O, O, N, N, N, N],

        (Client, R::Booking) => [O, O, O, N, O, N, N],
        (Client, R::Payment) => [O, O, N, N, N, N, N],
        (Client, R::Refund | R::Invoice) => [N, O, N, N, N, N, N],
        (Client, R::User) => [N, O, O, O, N, N, O],
        (Client, R::Vehicle) => [O, O, O, O, N, N, N],
        (Client, R::Notification) => [N, O, O, N, N, N, N],

        _ => [N; 7],
    }
}

/// The widest scope the role's table grants for a resource and action (API keys: none;
/// their grants are on the key).
pub(super) fn scope(role: Role, resource: Resource, action: Action) -> Option<Scope> {
    let i = Action::ALL.iter().position(|a| *a == action)?;
    line(role, resource)[i]
}

/// Every permission of a role's table, as `resource:action:scope`.
pub fn grants(role: Role) -> Vec<Permission> {
    let mut out = Vec::new();
    for resource in Resource::ALL {
        for action in Action::ALL {
            if let Some(scope) = scope(role, resource, action) {
                out.push(Permission {
                    resource,
                    action,
                    scope,
                });
            }
        }
    }
    out
}
