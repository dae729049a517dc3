//! What a centre sells: a price tax included and an optional duration per control type and
//! vehicle category. The network's defaults apply unless the centre has its own row for that
//! pair; an inactive own row withdraws the pair at the centre.

use pti_core::model::{ControlType, VehicleCategory};
use pti_core::policy::{Action, Resource};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

use super::repo::{self, OfferRow};
use super::service::{locked, one, readable_one};
use super::views::CentreOffer;
use crate::admin::editor::{Change, editor};
use crate::audit::Origin;
use crate::auth::Principal;
use crate::db::tenant_tx;
use crate::error::{Error, Result};

/// The highest price, cents (1,000 €).
pub const MAX_PRICE_CENTS: i64 = 100_000;

/// The VAT of an offer whose network has no default for its pair (20 %).
const DEFAULT_VAT_BP: i32 = 2000;

/// An offer as a request gives it.
pub struct OfferInput<'a> {
    /// Control type code.
    pub control_type: &'a str,
    /// Vehicle category code.
    pub vehicle_category: &'a str,
    /// Price tax included, cents.
    pub price_cents: i64,
    /// Duration, minutes.
    pub duration_minutes: Option<i64>,
    /// Offered (default true).
    pub active: Option<bool>,
}

/// A checked offer of a centre.
struct Own {
    control_type: ControlType,
    category: VehicleCategory,
    price_cents: i32,
    duration_minutes: Option<i16>,
    active: bool,
}

/// Reads `inputs` for a centre offering `categories`; 422 naming `offers[i].<field>`.
fn parse(inputs: &[OfferInput<'_>], categories: &[String]) -> Result<Vec<Own>> {
    let mut own: Vec<Own> = Vec::with_capacity(inputs.len());
    for (i, o) in inputs.iter().enumerate() {
        let field = |part: &str| format!("offers[{i}].{part}");
        let control_type: ControlType = o.control_type.trim().parse().map_err(|_| {
            Error::validation(&field("control_type"), "CT, CT_CONTRE_VISITE or CTC")
        })?;
        let category: VehicleCategory = o.vehicle_category.trim().parse().map_err(|_| {
            Error::validation(&field("vehicle_category"), "a vehicle category code")
        })?;
        if !categories.iter().any(|c| c == category.code()) {
            return Err(Error::validation(
                &field("vehicle_category"),
                "not a category this centre inspects",
            ));
        }
        let price_cents = i32::try_from(o.price_cents)
            .ok()
            .filter(|p| (0..=MAX_PRICE_CENTS).contains(&i64::from(*p)))
            .ok_or_else(|| {
                Error::validation(&field("price_cents"), format!("0 to {MAX_PRICE_CENTS}"))
            })?;
        let duration_minutes = o
            .duration_minutes
            .map(|m| {
                i16::try_from(m)
                    .ok()
                    .filter(|m| (5..=240).contains(m))
                    .ok_or_else(|| Error::validation(&field("duration_minutes"), "5 to 240"))
            })
            .transpose()?;
        if own
            .iter()
            .any(|x| x.control_type == control_type && x.category == category)
        {
            return Err(Error::validation(
                &field("vehicle_category"),
                "this pair is given twice",
            ));
        }
        own.push(Own {
            control_type,
            category,
            price_cents,
            duration_minutes,
            active: o.active.unwrap_or(true),
        });
    }
    Ok(own)
}

/// The effective offers of a centre offering `categories`: its own rows over the network's
/// active defaults, by control type then category.
fn effective(rows: &[OfferRow], categories: &[String]) -> Vec<CentreOffer> {
    let mut offers: Vec<CentreOffer> = Vec::new();
    for r in rows.iter().filter(|r| r.centre_id.is_some()) {
        offers.push(view(r, "centre"));
    }
    for r in rows.iter().filter(|r| r.centre_id.is_none() && r.active) {
        let own = offers
            .iter()
            .any(|o| o.control_type == r.control_type && o.vehicle_category == r.vehicle_category);
        if !own {
            offers.push(view(r, "network"));
        }
    }
    offers.retain(|o| categories.contains(&o.vehicle_category));
    let rank = |o: &CentreOffer| {
        let ct = ControlType::ALL
            .iter()
            .position(|c| c.code() == o.control_type);
        let cat = VehicleCategory::ALL
            .iter()
            .position(|c| c.code() == o.vehicle_category);
        (ct, cat)
    };
    offers.sort_by_key(rank);
    offers
}

fn view(r: &OfferRow, source: &str) -> CentreOffer {
    CentreOffer {
        control_type: r.control_type.clone(),
        vehicle_category: r.vehicle_category.clone(),
        price_cents: r.price_cents,
        vat_rate_bp: r.vat_rate_bp,
        duration_minutes: r.duration_minutes,
        source: source.to_owned(),
        active: r.active,
    }
}

/// The effective offers of centre `id`.
pub async fn list(db: &PgPool, principal: &Principal, id: Uuid) -> Result<Vec<CentreOffer>> {
    let mut tx = tenant_tx(db, &principal.context()).await?;
    let centre = readable_one(&mut tx, principal, id).await?;
    let rows = repo::offers(&mut tx, centre.tenant_id, id).await?;
    tx.commit().await?;
    Ok(effective(&rows, &centre.vehicle_categories))
}

/// Replaces the centre's own offers by `inputs` (the network's defaults stay underneath);
/// the new effective offers.
pub async fn replace(
    db: &PgPool,
    principal: &Principal,
    origin: &Origin,
    id: Uuid,
    inputs: &[OfferInput<'_>],
) -> Result<Vec<CentreOffer>> {
    let e = editor(principal, Resource::Centre, Action::Update)?;
    let mut tx = tenant_tx(db, &principal.context()).await?;
    locked(&mut tx, &e, Action::Update, id).await?;
    let centre = one(&mut tx, Some(e.tenant.0), id).await?;
    let own = parse(inputs, &centre.vehicle_categories)?;
    let before_rows = repo::offers(&mut tx, e.tenant.0, id).await?;
    let vat = |o: &Own| {
        before_rows
            .iter()
            .find(|r| {
                r.centre_id.is_none()
                    && r.control_type == o.control_type.code()
                    && r.vehicle_category == o.category.code()
            })
            .map_or(DEFAULT_VAT_BP, |r| r.vat_rate_bp)
    };
    let rows: Vec<OfferRow> = own
        .iter()
        .map(|o| OfferRow {
            centre_id: Some(id),
            control_type: o.control_type.code().to_owned(),
            vehicle_category: o.category.code().to_owned(),
            price_cents: o.price_cents,
            vat_rate_bp: vat(o),
            duration_minutes: o.duration_minutes,
            active: o.active,
        })
        .collect();
    repo::replace_offers(&mut tx, e.tenant.0, id, &rows).await?;
    let after_rows = repo::offers(&mut tx, e.tenant.0, id).await?;
    let before = effective(&before_rows, &centre.vehicle_categories);
    let after = effective(&after_rows, &centre.vehicle_categories);
    let change = Change {
        action: "centre.offers.update",
        resource: Resource::Centre,
        id,
        before: Some(&json!({ "offers": before })),
        after: &json!({ "offers": after }),
    };
    e.record(&mut tx, origin, change).await?;
    tx.commit().await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(centre: Option<Uuid>, ct: &str, cat: &str, cents: i32, active: bool) -> OfferRow {
        OfferRow {
            centre_id: centre,
            control_type: ct.into(),
            vehicle_category: cat.into(),
            price_cents: cents,
            vat_rate_bp: 2000,
            duration_minutes: None,
            active,
        }
    }

    #[test]
    fn the_centres_rows_cover_the_networks_and_other_categories_are_left_out() {
        let c = Some(Uuid::from_u128(1));
        let rows = [
            row(None, "CT", "VP", 7500, true),
            row(None, "CT", "VU", 8500, true),
            row(None, "CT", "L", 4500, true),
            row(None, "CTC", "VP", 3000, false),
            row(c, "CT", "VP", 6900, true),
            row(c, "CT", "VU", 8500, false),
        ];
        let offers = effective(&rows, &["VP".into(), "VU".into()]);
        let seen: Vec<(&str, &str, i32, &str, bool)> = offers
            .iter()
            .map(|o| {
                (
                    o.control_type.as_str(),
                    o.vehicle_category.as_str(),
                    o.price_cents,
                    o.source.as_str(),
                    o.active,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("CT", "VP", 6900, "centre", true),
                ("CT", "VU", 8500, "centre", false)
            ]
        );
    }

    #[test]
    fn bad_offers_are_named() {
        let cats = ["VP".to_owned()];
        let offer = |ct, cat, cents, minutes| OfferInput {
            control_type: ct,
            vehicle_category: cat,
            price_cents: cents,
            duration_minutes: minutes,
            active: None,
        };
        let field = |inputs: &[OfferInput<'_>]| match parse(inputs, &cats) {
            Err(Error::Unprocessable { details, .. }) => {
                details["field"].as_str().unwrap().to_owned()
            }
            other => panic!("{:?}", other.map(|o| o.len())),
        };
        assert_eq!(
            field(&[offer("XX", "VP", 1, None)]),
            "offers[0].control_type"
        );
        assert_eq!(
            field(&[offer("CT", "PL", 1, None)]),
            "offers[0].vehicle_category"
        );
        assert_eq!(
            field(&[offer("CT", "VP", -1, None)]),
            "offers[0].price_cents"
        );
        assert_eq!(
            field(&[offer("CT", "VP", 100_001, None)]),
            "offers[0].price_cents"
        );
        assert_eq!(
            field(&[offer("CT", "VP", 1, Some(4))]),
            "offers[0].duration_minutes"
        );
        assert_eq!(
            field(&[offer("CT", "VP", 1, None), offer("CTP", "VL", 2, None)]),
            "offers[1].vehicle_category"
        );
    }
}
