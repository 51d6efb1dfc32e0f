/* fuzz-flashcards-review-log.c: the review-log reader and its replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "osl-review-session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *dir = g_dir_make_tmp ("osl-fuzz-log-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviews.jsonl", NULL);
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(OslReviewLog) again = NULL;
  g_autoptr(OslDeck) deck = osl_deck_new ("fuzz", "Fuzz");
  g_autoptr(OslReviewSession) session = NULL;
  g_autoptr(GError) error = NULL;
  OslFsrsParams params;

  g_file_set_contents (path, (const char *) data, size, NULL);
  log = osl_review_log_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("vc-%02u", i + 1);
      osl_deck_add_card (deck, osl_card_new (id, "Q", "A"));
    }
  osl_fsrs_params_init (&params);
  params.enable_fuzz = TRUE;
  session = osl_review_session_new (deck, &params);
  osl_review_session_replay (session, log);
  osl_review_session_next_card (session, G_GINT64_CONSTANT (1741003200000));

  /* Whatever was repaired must now read back cleanly, with the same answers. */
  g_clear_pointer (&log, osl_review_log_free);
  log = osl_review_log_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (osl_review_log_get_recovery (log));
  remove_dir (dir);
  return 0;
}
