/* kel-bench.h: what the benchmark (KELISIM_BENCH=1, bench/bench-gui.sh) measures of the
 * main loop: each of its turns, in wall time and in the main thread's own CPU time. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Starts timing every turn of the default main context (from here on; once). */
void     kel_bench_loop_start   (void);
/* The longest turn since the start, in µs: its wall time, and the most CPU time the main
 * thread spent in one turn (the work itself, without the wait for a core of a machine
 * busy with other things). */
gint64   kel_bench_loop_longest_wall (void);
gint64   kel_bench_loop_longest_cpu  (void);
/* Prints "mark WHAT at N ms" the first time @what happens after the start, from any
 * thread (nothing when the benchmark is not running): the steps to the first page. */
void     kel_bench_mark         (const char *what);
/* The main thread's CPU time, µs. */
gint64   kel_bench_thread_cpu   (void);

G_END_DECLS
