/* test-ostep-simulators.c: the OSTEP homework simulators, byte for byte
 *
 * Every case in tests/data/ostep/cases/SIMULATOR.txt was run through the
 * textbook's Python script (see regenerate.sh there); its stdout, exit
 * status and, unless it was a Python traceback, stderr are the expected
 * values. Our port must print the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-ostep-mlfq.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"

typedef int (*SimulatorMain) (int       argc,
                              char    **argv,
                              GString  *out,
                              GString  *err);

typedef struct
{
  const char    *name;
  SimulatorMain  run;
} Simulator;

static const Simulator simulators[] = {
  { "process-run", osl_ostep_process_run_main },
  { "scheduler", osl_ostep_scheduler_main },
  { "mlfq", osl_ostep_mlfq_main },
  { "paging-linear-translate", osl_ostep_paging_linear_main },
  { "paging-multilevel-translate", osl_ostep_paging_multilevel_main },
};

typedef struct
{
  const Simulator *simulator;
  char            *name;
  char            *arguments;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->arguments);
  g_free (c);
}

static char *
expected_path (const Case *c,
               const char *extension)
{
  g_autofree char *file = g_strconcat (c->name, extension, NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "ostep", c->simulator->name, file, NULL);
}

static char *
read_expected (const Case *c,
               const char *extension,
               gboolean    required)
{
  g_autofree char *path = expected_path (c, extension);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!required && !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Shows the first differing line, so a failure names the quirk. */
static void
assert_same_text (const char *what,
                  const char *expected,
                  const char *actual)
{
  gsize line = 1;
  const char *e = expected, *a = actual;

  if (strcmp (expected, actual) == 0)
    return;
  while (*e != '\0' && *e == *a)
    {
      if (*e == '\n')
        line++;
      e++, a++;
    }
  g_test_message ("%s differs at line %" G_GSIZE_FORMAT ":\nexpected: %.*s\nactual:   %.*s", what, line,
                  (int) strcspn (e, "\n"), e, (int) strcspn (a, "\n"), a);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *expected_out = read_expected (c, ".out", TRUE);
  g_autofree char *expected_status = read_expected (c, ".status", TRUE);
  g_autofree char *expected_err = read_expected (c, ".err", FALSE);
  g_autofree char *command_line = g_strconcat (c->simulator->name, " ", c->arguments, NULL);
  g_autoptr(GString) out = g_string_new (NULL), err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int argc, status;

  g_shell_parse_argv (command_line, &argc, &argv, &error);
  g_assert_no_error (error);
  status = c->simulator->run (argc, argv, out, err);

  assert_same_text ("stdout", expected_out, out->str);
  g_assert_cmpint (status, ==, atoi (expected_status));
  if (expected_err != NULL)
    assert_same_text ("stderr", expected_err, err->str);
  else
    g_assert_cmpuint (err->len, >, 0);
}

static void
add_cases (const Simulator *simulator,
           GPtrArray       *cases)
{
  g_autofree char *file = g_strconcat (simulator->name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ostep", "cases", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Case *c;
      g_autofree char *test_path = NULL;
      gsize name_length = strcspn (lines[i], " ");

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      c = g_new0 (Case, 1);
      c->simulator = simulator;
      c->name = g_strndup (lines[i], name_length);
      c->arguments = g_strdup (lines[i] + name_length);
      test_path = g_strdup_printf ("/ostep/%s/%s", simulator->name, c->name);
      g_test_add_data_func (test_path, c, test_case);
      g_ptr_array_add (cases, c);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (simulators); i++)
    add_cases (&simulators[i], cases);
  return g_test_run ();
}
