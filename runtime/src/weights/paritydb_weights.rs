
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-08 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `Linli Development`
//! BLOCK-NUM: `Number(0)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /tmp/linli-node-mid
//   benchmark
//   storage
//   --chain
//   dev
//   --base-path
//   /tmp/tmp.56JCTtOJd6
//   --database
//   paritydb
//   --state-version
//   1
//   --batch-size
//   10
//   --weight-path
//   runtime/src/weights

/// Storage DB weights for the `Linli Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use frame_support::parameter_types;
	use frame_support::weights::RuntimeDbWeight;

	parameter_types! {
		/// ParityDB, the node's only database: a read and a write as measured
		/// on this machine (the dev chain's genesis state; a chain with
		/// millions of units should measure its own, reads grow with state).
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 581, 1_075_094
			///   Average:  5_384
			///   Median:   1_793
			///   Std-Dev:  60962.04
			///
			/// Percentiles nanoseconds:
			///   99th: 6_630
			///   95th: 2_894
			///   75th: 2_154
			read: 5_384 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 7_215, 711_354
			///   Average:  32_679
			///   Median:   9_294
			///   Std-Dev:  126032.73
			///
			/// Percentiles nanoseconds:
			///   99th: 711_354
			///   95th: 13_158
			///   75th: 10_251
			write: 32_679 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
