//! Plane geometry shared by every stage: boxes in page space and affine matrices.
//!
//! Page space is the page as a reader sees it: origin at the top-left corner
//! of the visible page, x to the right, y downwards, in PDF points.

use serde::Serialize;

/// An axis-aligned box in page space.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// The box spanning two corners given in any order.
    pub fn from_corners(ax: f64, ay: f64, bx: f64, by: f64) -> Rect {
        Rect { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by) }
    }

    /// Width of the box.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height of the box.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Horizontal centre.
    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Vertical centre.
    pub fn center_y(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }

    /// Whether the two boxes share some x (one set over the other).
    pub fn overlaps_x(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && self.x1 > other.x0
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The box spanning the images of two opposite corners under `map` (a
    /// quarter turn, see [`turned_upright`]).
    pub fn mapped(&self, map: impl Fn(f64, f64) -> (f64, f64)) -> Rect {
        let (ax, ay) = map(self.x0, self.y0);
        let (bx, by) = map(self.x1, self.y1);
        Rect::from_corners(ax, ay, bx, by)
    }

    /// The box rounded to a tenth of a point, so output stays short and stable.
    pub fn rounded(&self) -> Rect {
        let r = |v: f64| (v * 10.0).round() / 10.0;
        Rect { x0: r(self.x0), y0: r(self.y0), x1: r(self.x1), y1: r(self.y1) }
    }
}

/// A point turned about the origin so that text whose baseline runs at
/// quarter `turn` (clockwise from left to right, y down: 1 running down,
/// 2 upside down, 3 running up) runs left to right, its glyphs' tops up.
pub fn turned_upright(turn: u8, x: f64, y: f64) -> (f64, f64) {
    match turn % 4 {
        0 => (x, y),
        1 => (y, -x),
        2 => (-x, -y),
        _ => (-y, x),
    }
}

/// The page point [`turned_upright`] took to `(u, v)`.
pub fn turned_back(turn: u8, u: f64, v: f64) -> (f64, f64) {
    match turn % 4 {
        0 => (u, v),
        1 => (-v, u),
        2 => (-u, -v),
        _ => (v, -u),
    }
}

/// A 2-D affine transform `[a b c d e f]` as PDF writes it (row-vector convention).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    /// Coefficients a, b, c, d, e, f.
    pub m: [f64; 6],
}

impl Matrix {
    /// The identity transform.
    pub const IDENTITY: Matrix = Matrix { m: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] };

    /// A matrix from its six coefficients.
    pub fn new(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Matrix {
        Matrix { m: [a, b, c, d, e, f] }
    }

    /// A translation.
    pub fn translate(tx: f64, ty: f64) -> Matrix {
        Matrix::new(1.0, 0.0, 0.0, 1.0, tx, ty)
    }

    /// `self` applied first, then `other` (PDF's `self × other`).
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.m;
        let [a2, b2, c2, d2, e2, f2] = other.m;
        Matrix::new(
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        )
    }

    /// Transforms a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.m;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the transform scales a vertical unit vector: the size of text drawn through it.
    pub fn vertical_scale(&self) -> f64 {
        let [_, _, c, d, _, _] = self.m;
        (c * c + d * d).sqrt()
    }

    /// Whether every coefficient is finite (a hostile file can write anything).
    pub fn is_finite(&self) -> bool {
        self.m.iter().all(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_matrix_first() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 0.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 2.0));
    }
}
