use super::*;

fn fields(role: Role) -> PrincipalFields {
    PrincipalFields {
        role: Some(role),
        user_id: Some(UserId::from_u128(1)),
        tenant_id: Some(TenantId::from_u128(1)),
        ..Default::default()
    }
}

#[test]
fn permissions_parse_and_print_as_resource_action_scope() {
    let p: Permission = "rdv:cancel:own".parse().unwrap();
    assert_eq!(
        p,
        Permission {
            resource: Resource::Booking,
            action: Action::Cancel,
            scope: Scope::Own
        }
    );
    assert_eq!(p.to_string(), "rdv:cancel:own");
    let staff: Permission = "rdv:create".parse().unwrap();
    assert_eq!(staff.scope, Scope::Tenant);
    for bad in [
        "",
        "rdv",
        "rdv:fly",
        "boat:read",
        "rdv:read:galaxy",
        "rdv:read:own:extra",
    ] {
        assert_eq!(
            bad.parse::<Permission>().unwrap_err().code(),
            "INVALID_PERMISSION",
            "{bad}"
        );
    }
}

#[test]
fn principals_must_be_coherent() {
    let code = |f: PrincipalFields| Principal::new(f).unwrap_err().code();
    assert_eq!(
        code(PrincipalFields {
            tenant_id: Some(TenantId::from_u128(1)),
            ..fields(Role::SuperAdmin)
        }),
        "INVALID_PRINCIPAL"
    );
    assert_eq!(
        code(PrincipalFields {
            tenant_id: None,
            ..fields(Role::AdminTenant)
        }),
        "INVALID_PRINCIPAL"
    );
    assert_eq!(code(fields(Role::AdminAgence)), "INVALID_PRINCIPAL");
    assert_eq!(code(fields(Role::AdminCt)), "INVALID_PRINCIPAL");
    assert_eq!(
        code(PrincipalFields {
            user_id: None,
            ..fields(Role::Client)
        }),
        "INVALID_PRINCIPAL"
    );
    let wide = PrincipalFields {
        grants: vec!["rdv:read:platform".parse().unwrap()],
        ..fields(Role::ApiKey)
    };
    assert_eq!(code(wide), "GRANT_TOO_WIDE");
    assert_eq!("ROOT".parse::<Role>().unwrap_err().code(), "UNKNOWN_CODE");
}

#[test]
fn a_client_cancels_its_own_booking_but_not_a_neighbours() {
    let client = Principal::new(fields(Role::Client)).unwrap();
    let mine = ResourceRef {
        kind: Resource::Booking,
        tenant_id: Some(TenantId::from_u128(1)),
        agency_id: None,
        centre_id: Some(CentreId::from_u128(5)),
        owner_id: Some(UserId::from_u128(1)),
    };
    assert_eq!(authorize(&client, Action::Cancel, &mine), Ok(()));
    let theirs = ResourceRef {
        owner_id: Some(UserId::from_u128(2)),
        ..mine
    };
    assert_eq!(
        authorize(&client, Action::Cancel, &theirs)
            .unwrap_err()
            .code(),
        "OUT_OF_SCOPE"
    );
    assert_eq!(
        authorize(&client, Action::Status, &mine)
            .unwrap_err()
            .code(),
        "FORBIDDEN"
    );
    let foreign = ResourceRef {
        tenant_id: Some(TenantId::from_u128(2)),
        ..mine
    };
    assert_eq!(
        authorize(&client, Action::Read, &foreign)
            .unwrap_err()
            .code(),
        "CROSS_TENANT"
    );
}

#[test]
fn api_keys_hold_only_their_grants_and_other_roles_ignore_grants() {
    let key = Principal::new(PrincipalFields {
        user_id: None,
        grants: vec!["ct:read:tenant".parse().unwrap()],
        ..fields(Role::ApiKey)
    })
    .unwrap();
    assert_eq!(
        key.scope_for(Resource::Centre, Action::Read),
        Some(Scope::Tenant)
    );
    assert_eq!(key.scope_for(Resource::Booking, Action::Read), None);
    let client = Principal::new(PrincipalFields {
        grants: vec!["rdv:read:tenant".parse().unwrap()],
        ..fields(Role::Client)
    })
    .unwrap();
    assert_eq!(
        client.scope_for(Resource::Booking, Action::Read),
        Some(Scope::Own)
    );
}

#[test]
fn principals_and_permissions_deserialize_from_json() {
    let p: Principal = serde_json::from_str(
        r#"{"role":"ADMIN_CT","tenant_id":"00000000-0000-0000-0000-000000000001","centre_id":"00000000-0000-0000-0000-000000000005"}"#,
    )
    .unwrap();
    assert_eq!(p.role(), Role::AdminCt);
    assert!(
        serde_json::from_str::<Principal>(
            r#"{"role":"ADMIN_CT","tenant_id":"00000000-0000-0000-0000-000000000001"}"#
        )
        .is_err()
    );
    assert_eq!(
        serde_json::to_string(&Permission {
            resource: Resource::AuditLog,
            action: Action::Export,
            scope: Scope::Tenant
        })
        .unwrap(),
        "\"audit_log:export:tenant\""
    );
}
