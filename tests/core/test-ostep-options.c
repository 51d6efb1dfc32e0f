/* test-ostep-options.c: optparse's command lines and Python's number formats
 *
 * Expected values are what Python 3 (optparse, int(), float(), str(),
 * repr() and the % operator) gives for the same input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "osl-ostep-options.h"
#include "osl-py-format.h"

typedef struct
{
  gint64      seed, jobs;
  const char *list, *policy;
  gboolean    solve;
} Values;

#define N_OPTIONS 5

static void
describe (Values         *values,
          OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "seed" },
    { 'j', "jobs", OSL_OSTEP_OPTION_INT, &values->jobs, "JOBS", "jobs" },
    { 'l', "jlist", OSL_OSTEP_OPTION_STRING, &values->list, "JLIST", "list" },
    { 'p', "policy", OSL_OSTEP_OPTION_STRING, &values->policy, "POLICY", "policy" },
    { 'c', NULL, OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "solve" },
  };

  *values = (Values) { 0, 3, "", "FIFO", FALSE };
  memcpy (options, table, sizeof table);
}

static gboolean
parse (const char  *command_line,
       Values      *values,
       GError     **error)
{
  OslOstepOption options[N_OPTIONS];
  g_autofree char *full = g_strconcat ("test.py ", command_line, NULL);
  g_auto(GStrv) argv = NULL;
  int argc;

  g_assert_true (g_shell_parse_argv (full, &argc, &argv, NULL));
  describe (values, options);
  /* The values point into argv: keep copies of the strings for the caller. */
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;
  values->list = g_intern_string (values->list);
  values->policy = g_intern_string (values->policy);
  return TRUE;
}

static void
assert_seed (const char *command_line,
             gint64      seed)
{
  g_autoptr(GError) error = NULL;
  Values values;

  parse (command_line, &values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (values.seed, ==, seed);
}

static void
assert_usage_error (const char *command_line,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  Values values;

  g_assert_false (parse (command_line, &values, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_int_radix (void)
{
  assert_seed ("-s 10", 10);
  assert_seed ("-s 010", 8);
  assert_seed ("-s 0x10", 16);
  assert_seed ("-s 0X1F", 31);
  assert_seed ("-s 0b101", 5);
  assert_seed ("-s 0b", 0);
  assert_seed ("-s 0o17", 15);
  assert_seed ("-s 00", 0);
  assert_seed ("-s -010", -10);
  assert_seed ("-s ' 010'", 10);
  assert_seed ("-s '1 '", 1);
  assert_seed ("-s +5", 5);
  assert_seed ("-s 0_10", 8);
  assert_seed ("-s 0x_1f", 31);
  assert_seed ("-s 1_000", 1000);
  assert_seed ("-s 0b-1", -1);
  assert_seed ("-s ٣", 3);
  assert_seed ("-s -9223372036854775808", G_MININT64);
}

static void
test_int_errors (void)
{
  assert_usage_error ("-s 08", "option -s: invalid integer value: '08'");
  assert_usage_error ("-s 1e3", "option -s: invalid integer value: '1e3'");
  assert_usage_error ("-s -0x5", "option -s: invalid integer value: '-0x5'");
  assert_usage_error ("-s ' 0x1'", "option -s: invalid integer value: ' 0x1'");
  assert_usage_error ("-s 0o", "option -s: invalid integer value: '0o'");
  assert_usage_error ("-s 1_", "option -s: invalid integer value: '1_'");
  assert_usage_error ("-s 1__0", "option -s: invalid integer value: '1__0'");
  assert_usage_error ("--seed=", "option --seed: invalid integer value: ''");
  assert_usage_error ("-s \"it's\"", "option -s: invalid integer value: \"it's\"");
  assert_usage_error ("-s 'a\"b'\\'", "option -s: invalid integer value: 'a\"b\\''");
  assert_usage_error ("-s 'a\\b'", "option -s: invalid integer value: 'a\\\\b'");
  assert_usage_error ("-s 'a\tb\001é'", "option -s: invalid integer value: 'a\\tb\\x01é'");
}

static void
test_option_forms (void)
{
  g_autoptr(GError) error = NULL;
  Values values;

  g_assert_true (parse ("-cs5 --pol=RR --jl 1,2 stray words", &values, &error));
  g_assert_no_error (error);
  g_assert_true (values.solve);
  g_assert_cmpint (values.seed, ==, 5);
  g_assert_cmpstr (values.policy, ==, "RR");
  g_assert_cmpstr (values.list, ==, "1,2");

  g_assert_true (parse ("-l -5 -p-c -s 1 -- -s 2", &values, &error));
  g_assert_cmpstr (values.list, ==, "-5");
  g_assert_cmpstr (values.policy, ==, "-c");
  g_assert_false (values.solve);
  g_assert_cmpint (values.seed, ==, 1);
}

static void
test_usage_errors (void)
{
  g_autoptr(GError) error = NULL;
  Values values;

  assert_usage_error ("-s", "-s option requires 1 argument");
  assert_usage_error ("--policy", "--policy option requires 1 argument");
  assert_usage_error ("--jl", "--jlist option requires 1 argument");
  assert_usage_error ("-z", "no such option: -z");
  assert_usage_error ("-cx", "no such option: -x");
  assert_usage_error ("-c=1", "no such option: -=");
  assert_usage_error ("--c", "no such option: --c");
  assert_usage_error ("--j 3", "ambiguous option: --j (--jlist, --jobs?)");
  assert_usage_error ("--he=1", "--help option does not take a value");

  g_assert_false (parse ("-c --he", &values, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_HELP);
}

static void
test_usage_message (void)
{
  g_autoptr(GString) err = g_string_new (NULL);

  osl_ostep_options_append_usage_error (err, "scheduler.py", "no such option: -z");
  g_assert_cmpstr (err->str, ==, "Usage: scheduler.py [options]\n\nscheduler.py: error: no such option: -z\n");
}

static void
test_split_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int argc = 0;

  argv = osl_ostep_split_command_line ("python3 ./cpu-sched/scheduler.py -p 'R R' -c", "scheduler.py", &argc, &error);
  g_assert_no_error (error);
  g_assert_cmpint (argc, ==, 4);
  g_assert_cmpstr (argv[0], ==, "scheduler.py");
  g_assert_cmpstr (argv[2], ==, "R R");
  g_clear_pointer (&argv, g_strfreev);

  argv = osl_ostep_split_command_line ("-s 3", "scheduler.py", &argc, &error);
  g_assert_cmpint (argc, ==, 3);
  g_clear_pointer (&argv, g_strfreev);

  argv = osl_ostep_split_command_line ("mlfq.py -c", "scheduler.py", &argc, &error);
  g_assert_null (argv);
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE);
}

static void
assert_float_str (double      value,
                  const char *expected)
{
  g_autofree char *text = osl_py_float_str (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_float_str (void)
{
  assert_float_str (5.0, "5.0");
  assert_float_str (1.5, "1.5");
  assert_float_str (0.1, "0.1");
  assert_float_str (0.0001, "0.0001");
  assert_float_str (1e-05, "1e-05");
  assert_float_str (2.5e-05, "2.5e-05");
  assert_float_str (123.0, "123.0");
  assert_float_str (1e15, "1000000000000000.0");
  assert_float_str (1e16, "1e+16");
  assert_float_str (123456789012345678.0, "1.2345678901234568e+17");
  assert_float_str (1e22, "1e+22");
  assert_float_str (1.0 / 3, "0.3333333333333333");
  assert_float_str (5e-324, "5e-324");
  assert_float_str (1.7976931348623157e308, "1.7976931348623157e+308");
  assert_float_str (-0.0, "-0.0");
  assert_float_str (0.0, "0.0");
  assert_float_str (INFINITY, "inf");
  assert_float_str (-INFINITY, "-inf");
  assert_float_str (NAN, "nan");
}

static void
test_parse_float (void)
{
  const struct { const char *text; double value; } good[] = {
    { "5.", 5 }, { ".5", 0.5 }, { "  3.25\t", 3.25 }, { "1_000.000_1", 1000.0001 },
    { "1e1_0", 1e10 }, { "-0", -0.0 }, { "+2.5", 2.5 }, { "1e999", INFINITY },
    { "-Infinity", -INFINITY },
  };
  const char *bad[] = { "", "1_", "1_.5", "1._5", "._5", "1e", "0x10", "+ 5", "1,5", "nanx", "e5" };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (osl_py_parse_float (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
      g_assert_cmpint (signbit (value), ==, signbit (good[i].value));
    }
  g_assert_true (osl_py_parse_float ("nAn", &value));
  g_assert_true (isnan (value));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (osl_py_parse_float (bad[i], &value));
}

static void
test_percent_formats (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (osl_py_append_float_as_int (out, 3, 5.5));
  g_assert_true (osl_py_append_float_as_int (out, 3, -0.5));
  g_assert_true (osl_py_append_float_as_int (out, 3, 1e20));
  g_assert_false (osl_py_append_float_as_int (out, 3, INFINITY));
  g_assert_false (osl_py_append_float_as_int (out, 3, NAN));
  g_assert_cmpstr (out->str, ==, "  5  0100000000000000000000");

  g_string_truncate (out, 0);
  osl_py_append_fixed (out, 3, 2, 2.675);
  osl_py_append_fixed (out, 3, 2, 0.125);
  osl_py_append_fixed (out, 5, 2, -NAN);
  osl_py_append_fixed (out, 0, 2, -INFINITY);
  g_assert_cmpstr (out->str, ==, "2.670.12  nan-inf");

  g_string_truncate (out, 0);
  osl_py_append_hex (out, 8, -10);
  osl_py_append_hex (out, 0, -5);
  osl_py_append_hex (out, 4, 0x7c00);
  g_assert_cmpstr (out->str, ==, "-000000a-57c00");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ostep-options/int-radix", test_int_radix);
  g_test_add_func ("/ostep-options/int-errors", test_int_errors);
  g_test_add_func ("/ostep-options/option-forms", test_option_forms);
  g_test_add_func ("/ostep-options/usage-errors", test_usage_errors);
  g_test_add_func ("/ostep-options/usage-message", test_usage_message);
  g_test_add_func ("/ostep-options/split-command-line", test_split_command_line);
  g_test_add_func ("/py-format/float-str", test_float_str);
  g_test_add_func ("/py-format/parse-float", test_parse_float);
  g_test_add_func ("/py-format/percent-formats", test_percent_formats);
  return g_test_run ();
}
