//! Figures that contradict each other: the same quantity, for the same day, given values
//! no reading of their qualifiers reconciles ("at least three men killed" against "two men
//! killed" on April 4). Figures of different days are a change over time, not a conflict.

use dossier_core::{Precision, ResolvedDate};

/// What conflict detection needs of a figure.
#[derive(Debug, Clone, Copy)]
pub struct FigureClaim<'a> {
    /// The value (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// Normalised qualifier (`over`, `at least`, `up to`, ...), `None` when exact.
    pub qualifier: Option<&'a str>,
    /// Its group from [`super::group_figures`]: figures counting the same thing.
    pub group: usize,
    /// The head noun of what it counts ("people" in "people killed"). Groups can be loose
    /// ("three soldiers" among "65 people killed"); a conflict needs the same noun.
    pub head: Option<&'a str>,
    /// The date it holds for.
    pub date: Option<&'a ResolvedDate>,
    /// Who states it (the document's outlet or the quoted source): one source's own
    /// figures (a total and a part, in one report) are not set against each other.
    pub source: &'a str,
}

/// How far "around 100" may stray from 100 and still be honest.
const APPROXIMATE: f64 = 0.25;

/// The values a figure allows, as a closed interval.
fn interval(f: &FigureClaim<'_>) -> (f64, f64) {
    let (lo, hi) = (f.value, f.value_max.unwrap_or(f.value));
    match f.qualifier {
        Some(
            "over" | "more than" | "at least" | "no fewer than" | "no less than" | "well over"
            | "just over",
        ) => (lo, f64::INFINITY),
        Some(
            "up to" | "at most" | "no more than" | "under" | "fewer than" | "less than" | "nearly"
            | "almost" | "just under" | "barely" | "close to",
        ) => (0.0, hi),
        // "As many as 5,000" is a high estimate; "as few as" a low one.
        Some("as many as" | "as much as") => (0.0, hi),
        Some("as few as") => (lo, f64::INFINITY),
        Some("about" | "around" | "approximately" | "roughly" | "some" | "estimated") => {
            (lo * (1.0 - APPROXIMATE), hi * (1.0 + APPROXIMATE))
        }
        _ => (lo, hi),
    }
}

fn same_day(a: Option<&ResolvedDate>, b: Option<&ResolvedDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.precision == Precision::Day && b.precision == Precision::Day && a.start == b.start
        }
        _ => false,
    }
}

/// For each figure, the indices of the figures it conflicts with: same group and head
/// noun, same known day, another source, and value intervals that do not meet. Undated figures are never
/// in conflict: they may hold for different days.
pub fn conflicting_figures(figures: &[FigureClaim<'_>]) -> Vec<Vec<usize>> {
    let intervals: Vec<(f64, f64)> = figures.iter().map(interval).collect();
    let mut out = vec![Vec::new(); figures.len()];
    for i in 0..figures.len() {
        for j in (i + 1)..figures.len() {
            let (a, b) = (&figures[i], &figures[j]);
            let same_noun = match (a.head, b.head) {
                (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                _ => false,
            };
            if a.group != b.group
                || !same_noun
                || a.source.eq_ignore_ascii_case(b.source)
                || !same_day(a.date, b.date)
            {
                continue;
            }
            let ((alo, ahi), (blo, bhi)) = (intervals[i], intervals[j]);
            if ahi < blo || bhi < alo {
                out[i].push(j);
                out[j].push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(d: u32) -> ResolvedDate {
        ResolvedDate::day(NaiveDate::from_ymd_opt(2017, 4, d).unwrap())
    }

    fn figure<'a>(
        value: f64,
        qualifier: Option<&'a str>,
        date: Option<&'a ResolvedDate>,
        source: &'a str,
    ) -> FigureClaim<'a> {
        FigureClaim {
            value,
            value_max: None,
            qualifier,
            group: 0,
            head: Some("men"),
            date,
            source,
        }
    }

    #[test]
    fn incompatible_values_for_one_day_conflict() {
        let (d4, d5) = (day(4), day(5));
        let figures = [
            figure(3.0, Some("at least"), Some(&d4), "Novaya Gazeta"),
            figure(2.0, None, Some(&d4), "Interfax"),
            // The next day's figure is a change, not a conflict.
            figure(1.0, None, Some(&d5), "TASS"),
            // "Over 100" and "around 110" can both be right.
            figure(100.0, Some("over"), Some(&d4), "Novaya Gazeta"),
        ];
        let mut figures = figures.to_vec();
        figures[3].group = 1;
        figures.push(FigureClaim {
            group: 1,
            ..figure(110.0, Some("around"), Some(&d4), "HRW")
        });
        let conflicts = conflicting_figures(&figures);
        assert_eq!(conflicts[0], vec![1]);
        assert_eq!(conflicts[1], vec![0]);
        assert!(conflicts[2].is_empty());
        assert!(conflicts[3].is_empty() && conflicts[4].is_empty());
    }

    #[test]
    fn undated_figures_and_one_sources_own_figures_never_conflict() {
        let d4 = day(4);
        let figures = [
            figure(3.0, None, None, "A"),
            figure(30.0, None, None, "B"),
            figure(3.0, None, Some(&d4), "A"),
            figure(30.0, None, Some(&d4), "A"),
        ];
        assert!(conflicting_figures(&figures).iter().all(Vec::is_empty));
    }

    #[test]
    fn different_nouns_in_one_loose_group_do_not_conflict() {
        // Westgate: "at least 65 people have been killed, including three soldiers".
        let d = day(4);
        let people = figure(65.0, Some("at least"), Some(&d), "A");
        let soldiers = FigureClaim {
            head: Some("soldiers"),
            ..figure(3.0, None, Some(&d), "B")
        };
        assert!(conflicting_figures(&[people, soldiers])
            .iter()
            .all(Vec::is_empty));
    }
}
