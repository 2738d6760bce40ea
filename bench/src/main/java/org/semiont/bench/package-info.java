/** Benchmarks: one class per subject, each runnable with {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" <class>}. */
package org.semiont.bench;
