//! Exact shares. Every threshold of DOMAIN.md ("at least 2/3", "more than
//! 1/2", "at least 80 % satisfied") is a [`Fraction`], compared with a part
//! of a whole in integers: no rounding can turn exactly one half into a
//! majority.

use sp_runtime::Perbill;

/// The fraction `num / den` (`den > 0`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Fraction {
	/// Numerator.
	pub num: u64,
	/// Denominator.
	pub den: u64,
}

impl Fraction {
	/// One half: the ordinary majority is *more than* this.
	pub const HALF: Self = Self::new(1, 2);
	/// One fifth: owners holding at least this may call an assembly.
	pub const ONE_FIFTH: Self = Self::new(1, 5);
	/// Two thirds: the participation floor of every owners' vote.
	pub const TWO_THIRDS: Self = Self::new(2, 3);
	/// Three quarters: the bar of the gravest matters.
	pub const THREE_QUARTERS: Self = Self::new(3, 4);

	/// `num / den`.
	pub const fn new(num: u64, den: u64) -> Self {
		Self { num, den }
	}

	/// Whether `part / whole >= self`, exactly (in 128-bit integers).
	/// With `whole == 0`, any part reaches it.
	pub fn is_reached_by(self, part: u64, whole: u64) -> bool {
		(part as u128) * (self.den as u128) >= (whole as u128) * (self.num as u128)
	}

	/// Whether `part / whole > self`, exactly. With `whole == 0`, only a
	/// positive part exceeds it.
	pub fn is_exceeded_by(self, part: u64, whole: u64) -> bool {
		(part as u128) * (self.den as u128) > (whole as u128) * (self.num as u128)
	}
}

impl From<Perbill> for Fraction {
	/// A `Perbill` as the exact fraction it stands for (`n / 10^9`).
	fn from(share: Perbill) -> Self {
		Self::new(share.deconstruct() as u64, 1_000_000_000)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn exactly_one_half_is_no_majority() {
		assert!(!Fraction::HALF.is_exceeded_by(1, 2));
		assert!(Fraction::HALF.is_reached_by(1, 2));
		assert!(Fraction::HALF.is_exceeded_by(500_001, 1_000_000));
		assert!(!Fraction::HALF.is_exceeded_by(u64::MAX / 2, u64::MAX - 1));
	}

	#[test]
	fn two_thirds_are_compared_without_rounding() {
		assert!(Fraction::TWO_THIRDS.is_reached_by(2, 3));
		assert!(!Fraction::TWO_THIRDS.is_reached_by(666_666, 1_000_000));
		assert!(Fraction::TWO_THIRDS.is_reached_by(666_667, 1_000_000));
		// No overflow at the extremes.
		assert!(Fraction::TWO_THIRDS.is_reached_by(u64::MAX, u64::MAX));
		assert!(!Fraction::TWO_THIRDS.is_reached_by(u64::MAX / 3 * 2 - 1, u64::MAX));
	}

	#[test]
	fn a_perbill_is_its_exact_fraction() {
		let eighty = Fraction::from(Perbill::from_percent(80));
		assert!(eighty.is_reached_by(4, 5));
		assert!(!eighty.is_reached_by(799_999_999, 1_000_000_000));
		assert!(eighty.is_reached_by(0, 0));
	}
}
