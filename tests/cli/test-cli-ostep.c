/* test-cli-ostep.c: os-lens-cli ostep as a student types it
 *
 * The expected bytes are the textbook scripts' own outputs, stored under
 * tests/data/ostep (see regenerate.sh there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "osl-test-cli.h"

static void
run_cli (OslCliRun  *run,
         const char *arguments)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;

  g_shell_parse_argv (arguments, NULL, &argv, &error);
  g_assert_no_error (error);
  osl_cli_run (run, (const char *const *) argv);
}

static char *
expected (const char *simulator,
          const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ostep", simulator, file, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_same_bytes (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_autofree char *out = expected ("scheduler", "rr-fractional.out");

  run_cli (&run, "ostep scheduler -p RR -q 4 -l 10,7.5,3 -c");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, out);
  g_assert_cmpstr (run.err, ==, "");
}

/* The script's name is accepted too, as a student copies it. */
static void
test_script_name (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_autofree char *out = expected ("paging-multilevel-translate", "sparse-directory.out");

  run_cli (&run, "ostep paging-multilevel-translate.py -s 11 -a 4 -n 5 -c");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, out);
}

static void
test_usage_error (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_autofree char *err = expected ("mlfq", "bad-int.err");

  run_cli (&run, "ostep mlfq -q 1.5");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, err);
}

static void
test_refusal_and_abort (void)
{
  g_auto(OslCliRun) refused = { 0 };
  g_auto(OslCliRun) aborted = { 0 };
  g_autofree char *refused_out = expected ("process-run", "bad-opcode.out");
  g_autofree char *aborted_err = expected ("mlfq", "zero-run-time.err");

  run_cli (&refused, "ostep process-run -P c1,x -c");
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, refused_out);

  run_cli (&aborted, "ostep mlfq -l 0,0,0 -c");
  g_assert_cmpint (aborted.status, ==, 1);
  g_assert_cmpstr (aborted.err, ==, aborted_err);
}

static void
test_help_and_unknown (void)
{
  g_auto(OslCliRun) help = { 0 };
  g_auto(OslCliRun) options = { 0 };
  g_auto(OslCliRun) unknown = { 0 };

  run_cli (&help, "ostep --help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "paging-linear-translate"));

  run_cli (&options, "ostep mlfq -h");
  g_assert_cmpint (options.status, ==, 0);
  g_assert_nonnull (strstr (options.out, "--allotmentList=ALLOTMENTLIST"));

  run_cli (&unknown, "ostep lottery -c");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "lottery"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/ostep/same-bytes", test_same_bytes);
  g_test_add_func ("/cli/ostep/script-name", test_script_name);
  g_test_add_func ("/cli/ostep/usage-error", test_usage_error);
  g_test_add_func ("/cli/ostep/refusal-and-abort", test_refusal_and_abort);
  g_test_add_func ("/cli/ostep/help-and-unknown", test_help_and_unknown);
  return g_test_run ();
}
