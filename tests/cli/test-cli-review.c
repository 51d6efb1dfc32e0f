/* test-cli-review.c: os-lens-cli review, answered through standard input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "osl-test-cli.h"

#define QUESTION_1 "What runs a virtual machine?"
#define QUESTION_2 "What isolates a container?"
#define ANSWER_2 "Namespaces and cgroups"

typedef struct
{
  char *dir;
  char *deck;
  char *log;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("os-lens-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->deck = g_build_filename (fixture->dir, "quiz.tsv", NULL);
  fixture->log = g_build_filename (fixture->dir, "quiz.jsonl", NULL);
  g_file_set_contents (fixture->deck,
                       QUESTION_1 "\tA hypervisor\n"
                       QUESTION_2 "\t" ANSWER_2 "\n", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->log);
  g_remove (fixture->deck);
  g_rmdir (fixture->dir);
  g_free (fixture->log);
  g_free (fixture->deck);
  g_free (fixture->dir);
}

/* Runs a review of the fixture's deck with @input typed at its prompts. */
static char *
review (Fixture    *fixture,
        const char *input)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              g_getenv ("OS_LENS_CLI"), "review", "--deck", fixture->deck,
                              "--log", fixture->log, "--no-fuzz", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* Rate the first card, then undo at the second card's question: the
 * second answer stays hidden and the first card comes back. */
static void
test_undo_at_question (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = review (fixture, "\n3\nu\nq\n");
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (strstr (out, "Undone."));
  g_assert_cmpuint (count (out, QUESTION_1), ==, 2);
  g_assert_cmpuint (count (out, QUESTION_2), ==, 1);
  g_assert_null (strstr (out, ANSWER_2));

  g_assert_true (g_file_get_contents (fixture->log, &log, NULL, NULL));
  lines = g_strsplit (g_strchomp (log), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[1], "\"rating\":3"));
  g_assert_true (g_str_has_prefix (lines[2], "{\"undo\":"));
}

static void
test_undo_with_nothing_to_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *out = review (fixture, "u\nq\n");

  g_assert_nonnull (strstr (out, "Nothing to undo."));
  g_assert_cmpuint (count (out, QUESTION_1), ==, 2);
  g_assert_false (g_file_test (fixture->log, G_FILE_TEST_EXISTS));
}

static void
test_help_names_the_keys (void)
{
  g_auto(OslCliRun) run = { 0 };

  osl_cli_run (&run, (const char *[]) { "review", "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "u undoes the last rating and q quits at either prompt"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/review/undo-at-question", Fixture, NULL,
              fixture_set_up, test_undo_at_question, fixture_tear_down);
  g_test_add ("/cli/review/nothing-to-undo", Fixture, NULL,
              fixture_set_up, test_undo_with_nothing_to_undo, fixture_tear_down);
  g_test_add_func ("/cli/review/help", test_help_names_the_keys);
  return g_test_run ();
}
