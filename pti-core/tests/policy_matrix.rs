//! The whole role × resource × action table, written out, and every principal–row relation,
//! cross-tenant cases included, checked against `authorize`.

use pti_core::Coded;
use pti_core::model::{AgencyId, CentreId, TenantId, UserId};
use pti_core::policy::{
    Action, Permission, Principal, PrincipalFields, Resource, ResourceRef, Role, Scope,
    ScopeFilter, authorize, grants, list_scope,
};
use std::collections::BTreeMap;

/// Columns: create read update delete cancel status export. `-` none, `O` own, `C` centre,
/// `A` agency, `T` tenant, `P` platform. Rows not listed grant nothing.
const EXPECTED: &str = "
SUPER_ADMIN
    tenant       P P P P P P P
    settings     P P P P P P P
    agence       P P P P P P P
    ct           P P P P P P P
    controleur   P P P P P P P
    planning     P P P P P P P
    rdv          P P P P P P P
    payment      P P P P P P P
    refund       P P P P P P P
    user         P P P P P P P
    client       P P P P P P P
    vehicle      P P P P P P P
    notification P P P P P P P
    call         P P P P P P P
    invoice      P P P P P P P
    report       P P P P P P P
    audit_log    P P P P P P P
    api_key      P P P P P P P
ADMIN_TENANT
    tenant       - T T - - - -
    settings     - T T - - - -
    agence       T T T T - - T
    ct           T T T T - - T
    controleur   T T T T - - T
    planning     T T T T - - T
    rdv          T T T - T T T
    payment      - T - - - - T
    refund       T T - - - - T
    user         T T T T - - T
    client       T T T - - - T
    vehicle      - T - - - - T
    notification T T - - - - -
    call         - T - - - - T
    invoice      T T - - - - T
    report       - T - - - - T
    audit_log    - T - - - - T
    api_key      T T T T - - -
ADMIN_AGENCE
    tenant       - T - - - - -
    agence       - T A - - - -
    ct           A A A - - - A
    controleur   A A A A - - A
    planning     A A A A - - A
    rdv          A A A - A A A
    payment      - A - - - - A
    refund       A A - - - - -
    user         A A A - - - A
    client       - T - - - - -
    vehicle      - A - - - - -
    invoice      - A - - - - A
    report       - A - - - - A
ADMIN_CT
    ct           - C C - - - -
    controleur   C C C C - - C
    planning     C C C C - - C
    rdv          C C C - C C C
    payment      - C - - - - -
    refund       C C - - - - -
    user         - C - - - - -
    client       - T - - - - -
    vehicle      - C - - - - -
    report       - C - - - - C
CONTROLEUR
    ct           - C - - - - -
    controleur   - C O - - - -
    planning     O C O O - - -
    rdv          - C - - - C -
    user         - O O - - - -
    vehicle      - C - - - - -
CALL_CENTER
    agence       - T - - - - -
    ct           - T - - - - -
    planning     - T - - - - -
    rdv          T T T - T - -
    payment      T T - - - - -
    user         - O O - - - -
    client       T T T - - - -
    vehicle      T T T - - - -
    notification T T - - - - -
    call         T T O - - - -
CLIENT
    rdv          O O O - O - -
    payment      O O - - - - -
    refund       - O - - - - -
    user         - O O O - - O
    vehicle      O O O O - - -
    notification - O O - - - -
    invoice      - O - - - - -
API_KEY (grants: rdv:create:tenant rdv:read:tenant ct:read:tenant planning:read:tenant)
    ct           - T - - - - -
    planning     - T - - - - -
    rdv          T T - - - - -
";

const API_KEY_GRANTS: [&str; 4] = [
    "rdv:create:tenant",
    "rdv:read:tenant",
    "ct:read:tenant",
    "planning:read:tenant",
];

type Matrix = BTreeMap<(Role, Resource, Action), Scope>;

fn expected() -> Matrix {
    let mut m = Matrix::new();
    let mut role = None;
    for line in EXPECTED.lines().filter(|l| !l.trim().is_empty()) {
        if !line.starts_with(' ') {
            let code = line.split_whitespace().next().unwrap();
            role = Some(code.parse::<Role>().unwrap());
            continue;
        }
        let mut cells = line.split_whitespace();
        let resource_code = cells.next().unwrap();
        let resource = resource_code.parse::<Resource>().unwrap();
        for (cell, action) in cells.zip(Action::ALL) {
            let scope = match cell {
                "-" => continue,
                "O" => Scope::Own,
                "C" => Scope::Centre,
                "A" => Scope::Agency,
                "T" => Scope::Tenant,
                "P" => Scope::Platform,
                other => panic!("bad cell {other}"),
            };
            m.insert((role.unwrap(), resource, action), scope);
        }
    }
    m
}

const T1: TenantId = TenantId::from_u128(1);
const T2: TenantId = TenantId::from_u128(2);
const A1: AgencyId = AgencyId::from_u128(11);
const A2: AgencyId = AgencyId::from_u128(12);
const A9: AgencyId = AgencyId::from_u128(19);
const C1: CentreId = CentreId::from_u128(21);
const C2: CentreId = CentreId::from_u128(22);
const C3: CentreId = CentreId::from_u128(23);
const C9: CentreId = CentreId::from_u128(29);
const ME: UserId = UserId::from_u128(31);
const OTHER: UserId = UserId::from_u128(32);

fn principal(role: Role) -> Principal {
    let mut f = PrincipalFields {
        role: Some(role),
        user_id: Some(ME),
        tenant_id: Some(T1),
        ..Default::default()
    };
    match role {
        Role::SuperAdmin => f.tenant_id = None,
        Role::AdminAgence => f.agency_id = Some(A1),
        Role::AdminCt | Role::Controleur => {
            f.agency_id = Some(A1);
            f.centre_id = Some(C1);
        }
        Role::ApiKey => {
            f.user_id = None;
            f.grants = API_KEY_GRANTS.iter().map(|g| g.parse().unwrap()).collect();
        }
        _ => {}
    }
    Principal::new(f).unwrap()
}

/// Where a row stands relative to the principal, and the narrowest scope that reaches it.
#[derive(Clone, Copy, Debug)]
enum Relation {
    OwnRow,
    SameCentre,
    SameAgency,
    SameTenant,
    OtherTenant,
}

fn row(kind: Resource, relation: Relation) -> ResourceRef {
    let (tenant, agency, centre, owner) = match relation {
        Relation::OwnRow => (T1, A1, C1, ME),
        Relation::SameCentre => (T1, A1, C1, OTHER),
        Relation::SameAgency => (T1, A1, C2, OTHER),
        Relation::SameTenant => (T1, A2, C3, OTHER),
        // Owned by the same user id: ownership must never leak across tenants.
        Relation::OtherTenant => (T2, A9, C9, ME),
    };
    ResourceRef {
        kind,
        tenant_id: Some(tenant),
        agency_id: Some(agency),
        centre_id: Some(centre),
        owner_id: Some(owner),
    }
}

fn needed(relation: Relation) -> Scope {
    match relation {
        Relation::OwnRow => Scope::Own,
        Relation::SameCentre => Scope::Centre,
        Relation::SameAgency => Scope::Agency,
        Relation::SameTenant => Scope::Tenant,
        Relation::OtherTenant => Scope::Platform,
    }
}

#[test]
fn the_role_table_is_the_expected_matrix() {
    let expected = expected();
    let mut actual = Matrix::new();
    for role in Role::ALL {
        let permissions = if role == Role::ApiKey {
            API_KEY_GRANTS
                .iter()
                .map(|g| g.parse::<Permission>().unwrap())
                .collect()
        } else {
            grants(role)
        };
        for p in permissions {
            actual.insert((role, p.resource, p.action), p.scope);
        }
    }
    assert_eq!(actual, expected);
}

#[test]
fn every_role_action_and_relation_is_decided_as_the_matrix_says() {
    let expected = expected();
    let relations = [
        Relation::OwnRow,
        Relation::SameCentre,
        Relation::SameAgency,
        Relation::SameTenant,
        Relation::OtherTenant,
    ];
    let mut checked = 0;
    for role in Role::ALL {
        let who = principal(role);
        for kind in Resource::ALL {
            for action in Action::ALL {
                let granted = expected.get(&(role, kind, action)).copied();
                for relation in relations {
                    let decision = authorize(&who, action, &row(kind, relation));
                    let want = match granted {
                        None => Err("FORBIDDEN"),
                        Some(Scope::Platform) => Ok(()),
                        Some(_) if matches!(relation, Relation::OtherTenant) => Err("CROSS_TENANT"),
                        Some(scope) if scope >= needed(relation) => Ok(()),
                        Some(_) => Err("OUT_OF_SCOPE"),
                    };
                    assert_eq!(
                        decision.map_err(|d| d.code()),
                        want,
                        "{role:?} {action:?} {kind:?} {relation:?}"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 8 * Resource::ALL.len() * Action::ALL.len() * 5);
}

#[test]
fn no_role_but_the_super_admin_reaches_another_tenant() {
    for role in Role::ALL.into_iter().filter(|r| *r != Role::SuperAdmin) {
        let who = principal(role);
        for kind in Resource::ALL {
            for action in Action::ALL {
                let foreign = row(kind, Relation::OtherTenant);
                assert!(
                    authorize(&who, action, &foreign).is_err(),
                    "{role:?} {action:?} {kind:?}"
                );
                let platform_row = ResourceRef {
                    tenant_id: None,
                    ..foreign
                };
                assert!(
                    authorize(&who, action, &platform_row).is_err(),
                    "{role:?} {action:?} {kind:?} platform row"
                );
            }
        }
    }
}

#[test]
fn list_scopes_follow_the_table() {
    assert_eq!(
        list_scope(
            &principal(Role::SuperAdmin),
            Resource::Booking,
            Action::Read
        ),
        Some(ScopeFilter::Platform)
    );
    assert_eq!(
        list_scope(
            &principal(Role::AdminTenant),
            Resource::Booking,
            Action::Read
        ),
        Some(ScopeFilter::Tenant { tenant_id: T1 })
    );
    assert_eq!(
        list_scope(
            &principal(Role::AdminAgence),
            Resource::Booking,
            Action::Read
        ),
        Some(ScopeFilter::Agency {
            tenant_id: T1,
            agency_id: A1
        })
    );
    assert_eq!(
        list_scope(&principal(Role::AdminCt), Resource::Booking, Action::Read),
        Some(ScopeFilter::Centre {
            tenant_id: T1,
            centre_id: C1
        })
    );
    assert_eq!(
        list_scope(&principal(Role::Client), Resource::Booking, Action::Read),
        Some(ScopeFilter::Own {
            tenant_id: T1,
            user_id: ME
        })
    );
    assert_eq!(
        list_scope(&principal(Role::Client), Resource::AuditLog, Action::Read),
        None
    );
    assert_eq!(
        list_scope(&principal(Role::ApiKey), Resource::Booking, Action::Read),
        Some(ScopeFilter::Tenant { tenant_id: T1 })
    );
    assert_eq!(
        list_scope(&principal(Role::ApiKey), Resource::Booking, Action::Cancel),
        None
    );
}
