//! French public holidays, computed for any year (no list to keep up to date).

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// A French public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// 1 January.
    NewYear,
    /// Good Friday (Alsace-Moselle only).
    GoodFriday,
    /// Easter Monday.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 8 May.
    VictoryInEurope,
    /// Ascension Thursday (Easter + 39 days).
    Ascension,
    /// Whit Monday (Easter + 50 days).
    WhitMonday,
    /// 14 July.
    BastilleDay,
    /// 15 August.
    Assumption,
    /// 1 November.
    AllSaints,
    /// 11 November.
    Armistice,
    /// 25 December.
    Christmas,
    /// 26 December (Alsace-Moselle only).
    SaintStephen,
}

impl Holiday {
    /// Every holiday, in declaration (calendar) order.
    pub const ALL: [Holiday; 13] = [
        Holiday::NewYear,
        Holiday::GoodFriday,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::VictoryInEurope,
        Holiday::Ascension,
        Holiday::WhitMonday,
        Holiday::BastilleDay,
        Holiday::Assumption,
        Holiday::AllSaints,
        Holiday::Armistice,
        Holiday::Christmas,
        Holiday::SaintStephen,
    ];

    /// The French name, for the portals.
    pub fn label_fr(self) -> &'static str {
        match self {
            Holiday::NewYear => "Jour de l'an",
            Holiday::GoodFriday => "Vendredi saint",
            Holiday::EasterMonday => "Lundi de Pâques",
            Holiday::LabourDay => "Fête du Travail",
            Holiday::VictoryInEurope => "Victoire 1945",
            Holiday::Ascension => "Ascension",
            Holiday::WhitMonday => "Lundi de Pentecôte",
            Holiday::BastilleDay => "Fête nationale",
            Holiday::Assumption => "Assomption",
            Holiday::AllSaints => "Toussaint",
            Holiday::Armistice => "Armistice 1918",
            Holiday::Christmas => "Noël",
            Holiday::SaintStephen => "Saint-Étienne",
        }
    }
}

crate::error::impl_code!(Holiday, "holiday" {
    NewYear = "new_year",
    GoodFriday = "good_friday",
    EasterMonday = "easter_monday",
    LabourDay = "labour_day",
    VictoryInEurope = "victory_in_europe",
    Ascension = "ascension",
    WhitMonday = "whit_monday",
    BastilleDay = "bastille_day",
    Assumption = "assumption",
    AllSaints = "all_saints",
    Armistice = "armistice",
    Christmas = "christmas",
    SaintStephen = "saint_stephen",
});

/// Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
/// `None` outside chrono's date range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The public holidays of `year` in date order; Alsace-Moselle adds Good Friday and 26 December.
pub fn public_holidays(year: i32, alsace_moselle: bool) -> Vec<(NaiveDate, Holiday)> {
    let fixed = |m: u32, d: u32, h: Holiday| NaiveDate::from_ymd_opt(year, m, d).map(|x| (x, h));
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let after = |n: u64, h: Holiday| easter.checked_add_days(Days::new(n)).map(|x| (x, h));
    let mut days: Vec<(NaiveDate, Holiday)> = [
        fixed(1, 1, Holiday::NewYear),
        after(1, Holiday::EasterMonday),
        fixed(5, 1, Holiday::LabourDay),
        fixed(5, 8, Holiday::VictoryInEurope),
        after(39, Holiday::Ascension),
        after(50, Holiday::WhitMonday),
        fixed(7, 14, Holiday::BastilleDay),
        fixed(8, 15, Holiday::Assumption),
        fixed(11, 1, Holiday::AllSaints),
        fixed(11, 11, Holiday::Armistice),
        fixed(12, 25, Holiday::Christmas),
    ]
    .into_iter()
    .flatten()
    .collect();
    if alsace_moselle {
        days.extend(
            easter
                .checked_sub_days(Days::new(2))
                .map(|d| (d, Holiday::GoodFriday)),
        );
        days.extend(fixed(12, 26, Holiday::SaintStephen));
    }
    days.sort_by_key(|(d, _)| *d);
    days
}

/// The holiday falling on `day`, if any.
pub fn holiday_on(day: NaiveDate, alsace_moselle: bool) -> Option<Holiday> {
    public_holidays(day.year(), alsace_moselle)
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_matches_known_dates() {
        for (year, date) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
            (1961, "1961-04-02"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(date)), "{year}");
        }
    }

    #[test]
    fn eleven_national_holidays_in_2027() {
        let days: Vec<NaiveDate> = public_holidays(2027, false)
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        let expected = [
            "2027-01-01",
            "2027-03-29",
            "2027-05-01",
            "2027-05-06",
            "2027-05-08",
            "2027-05-17",
            "2027-07-14",
            "2027-08-15",
            "2027-11-01",
            "2027-11-11",
            "2027-12-25",
        ];
        assert_eq!(days, expected.map(d));
    }

    #[test]
    fn alsace_moselle_adds_good_friday_and_saint_stephen() {
        let h = public_holidays(2027, true);
        assert_eq!(h.len(), 13);
        assert_eq!(holiday_on(d("2027-03-26"), true), Some(Holiday::GoodFriday));
        assert_eq!(holiday_on(d("2027-03-26"), false), None);
        assert_eq!(
            holiday_on(d("2027-12-26"), true),
            Some(Holiday::SaintStephen)
        );
    }
}
