//! Ruling lines: pieces that continue one another joined, positions snapped.

use super::*;

/// Joins rules that continue one another on the same line (word processors
/// draw each cell's border separately): same position within a point and
/// ends within [`RULE_SNAP`].
pub(super) fn join_collinear(mut rules: Vec<Rule>, horizontal: bool) -> Vec<Rule> {
    let pos = |r: &Rule| if horizontal { r.rect.center_y() } else { r.rect.center_x() };
    let start = |r: &Rule| if horizontal { r.rect.x0 } else { r.rect.y0 };
    let end = |r: &Rule| if horizontal { r.rect.x1 } else { r.rect.y1 };
    rules.sort_by(|a, b| pos(a).total_cmp(&pos(b)).then(start(a).total_cmp(&start(b))));
    let mut out: Vec<Rule> = Vec::new();
    for rule in rules {
        match out.iter_mut().rev().take(64).find(|r| {
            (pos(r) - pos(&rule)).abs() <= 1.0
                && start(&rule) <= end(r) + RULE_SNAP
                && end(&rule) >= start(r) - RULE_SNAP
        }) {
            Some(joined) => joined.rect = joined.rect.union(&rule.rect),
            None => out.push(rule),
        }
    }
    out
}

/// Snaps rule positions that lie within [`RULE_SNAP`] of each other.
pub(super) fn snap(mut xs: Vec<f64>) -> Vec<f64> {
    xs.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    for x in xs {
        match out.last() {
            Some(last) if x - last <= RULE_SNAP => {}
            _ => out.push(x),
        }
    }
    out
}
