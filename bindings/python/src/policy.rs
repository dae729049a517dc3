//! Access control (`pti_core::policy`): principals and `authorize`.

use crate::convert::{code_arg, from_py, opt_id};
use crate::error::coded;
use pti_core::UnknownCode;
use pti_core::policy::{self, Action, Permission, PolicyError, PrincipalFields, ResourceRef, Role};
use pyo3::prelude::*;

/// Who acts: a role and the places it is attached to, or an API key with its grants.
#[pyclass(frozen, module = "pti_calendar._native")]
pub struct Principal {
    inner: policy::Principal,
}

#[pymethods]
impl Principal {
    /// Checks the principal's coherence: raises `InvalidInput` with UNKNOWN_ROLE,
    /// INVALID_PERMISSION, INVALID_PRINCIPAL or GRANT_TOO_WIDE.
    #[new]
    #[pyo3(signature = (role, *, user_id = None, tenant_id = None, agency_id = None, centre_id = None, grants = Vec::new()))]
    fn new(
        role: &str,
        user_id: Option<&str>,
        tenant_id: Option<&str>,
        agency_id: Option<&str>,
        centre_id: Option<&str>,
        grants: Vec<String>,
    ) -> PyResult<Self> {
        let role: Role = role
            .parse()
            .map_err(|e: UnknownCode| coded(PolicyError::UnknownRole(e.text)))?;
        let grants = grants
            .iter()
            .map(|g| g.parse::<Permission>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(coded)?;
        let fields = PrincipalFields {
            role: Some(role),
            user_id: opt_id("user_id", user_id)?,
            tenant_id: opt_id("tenant_id", tenant_id)?,
            agency_id: opt_id("agency_id", agency_id)?,
            centre_id: opt_id("centre_id", centre_id)?,
            grants,
        };
        Ok(Principal {
            inner: policy::Principal::new(fields).map_err(coded)?,
        })
    }

    /// The role's code, e.g. `ADMIN_CT`.
    #[getter]
    fn role(&self) -> &'static str {
        self.inner.role().code()
    }

    /// The user, if any.
    #[getter]
    fn user_id(&self) -> Option<String> {
        self.inner.user_id().map(|u| u.to_string())
    }

    /// The tenant (none for a super admin).
    #[getter]
    fn tenant_id(&self) -> Option<String> {
        self.inner.tenant_id().map(|t| t.to_string())
    }

    fn __repr__(&self) -> String {
        format!("Principal({:?})", self.inner.role().code())
    }
}

/// Whether `principal` may `action` (`"read"`, `"cancel"`, ...) the row `resource` (a dict:
/// `kind`, `tenant_id`, `agency_id`, `centre_id`, `owner_id`); raises `Forbidden`,
/// `CrossTenant` or `OutOfScope` when not.
#[pyfunction]
fn authorize(
    principal: PyRef<'_, Principal>,
    action: &str,
    resource: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let action: Action = code_arg("action", action)?;
    let resource: ResourceRef = from_py("resource", resource)?;
    policy::authorize(&principal.inner, action, &resource).map_err(coded)
}

/// Adds the classes and functions of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Principal>()?;
    m.add_function(wrap_pyfunction!(authorize, m)?)?;
    Ok(())
}
