/* test-review-log.c: progress that cannot be lost, and the review queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "osl-review-log.h"
#include "osl-review-session.h"
#include "osl-review-stats.h"

/* 2025-03-03 12:00 UTC, a Monday. */
#define T0 G_GINT64_CONSTANT (1741003200000)
#define MINUTE OSL_FSRS_MS_PER_MINUTE
#define DAY OSL_FSRS_MS_PER_DAY

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("osl-review-log-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "reviews.jsonl", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
find_kept_aside (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".broken-") != NULL)
      return g_build_filename (fixture->dir, name, NULL);
  return NULL;
}

static OslDeck *
load_lecture_deck (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "decks",
                                                 "virtualization-containerization.json", NULL);
  g_autoptr(GError) error = NULL;
  OslDeck *deck = osl_deck_load (path, &error);

  g_assert_no_error (error);
  return deck;
}

static OslReviewSession *
new_session (OslDeck *deck)
{
  OslFsrsParams params;
  OslReviewSession *session;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  osl_fsrs_params_init (&params);
  params.enable_fuzz = TRUE;
  session = osl_review_session_new (deck, &params);
  osl_review_session_set_time_zone (session, utc);
  return session;
}

static void
answer (OslReviewSession *session,
        OslReviewLog     *log,
        guint             card,
        gint64            now,
        guint             rating)
{
  g_autoptr(GError) error = NULL;
  OslDeck *deck = osl_review_session_get_deck (session);

  g_assert_true (osl_review_log_append (log, osl_deck_get_card (deck, card)->id, now, rating,
                                        osl_fsrs_grade_from_rating (rating), &error));
  g_assert_no_error (error);
  osl_review_session_answer (session, card, now, rating);
}

static void
assert_same_progress (OslReviewSession *a,
                      OslReviewSession *b,
                      guint             n_cards)
{
  for (guint i = 0; i < n_cards; i++)
    {
      const OslCardProgress *x = osl_review_session_get_progress (a, i);
      const OslCardProgress *y = osl_review_session_get_progress (b, i);

      g_assert_cmpint (x->fsrs.state, ==, y->fsrs.state);
      g_assert_cmpint (x->fsrs.due, ==, y->fsrs.due);
      g_assert_cmpfloat (x->fsrs.stability, ==, y->fsrs.stability);
      g_assert_cmpfloat (x->fsrs.difficulty, ==, y->fsrs.difficulty);
      g_assert_cmpuint (x->fsrs.reps, ==, y->fsrs.reps);
      g_assert_cmpuint (x->last_rating, ==, y->last_rating);
    }
}

static void
test_replay_rebuilds_states (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslReviewSession) live = new_session (deck);
  g_autoptr(OslReviewSession) replayed = new_session (deck);
  g_autoptr(OslReviewLog) log = osl_review_log_open (fixture->path, NULL);
  g_autoptr(OslReviewLog) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gint64 now = T0;

  for (guint i = 0; i < 60; i++)
    {
      gint card = osl_review_session_next_card (live, now);

      if (card < 0)
        {
          now = osl_review_session_get_next_due (live, now);
          continue;
        }
      answer (live, log, card, now, 1 + (i * 7) % 5);
      now += 3 * MINUTE;
    }
  reopened = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (osl_review_log_get_recovery (reopened));
  g_assert_cmpuint (osl_review_log_get_n_entries (reopened), ==, 60);
  osl_review_session_replay (replayed, reopened);
  assert_same_progress (live, replayed, osl_deck_get_n_cards (deck));

  g_file_get_contents (fixture->path, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "{\"format\":\"os-lens/review-log\",\"version\":1}\n"
                                             "{\"card\":\"vc-01\",\"time\":1741003200000,\"rating\":1,\"grade\":1}\n"));
}

static void
test_multi_step_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslReviewSession) session = new_session (deck);
  g_autoptr(OslReviewSession) expected = new_session (deck);
  g_autoptr(OslReviewLog) log = osl_review_log_open (fixture->path, NULL);
  g_autoptr(OslReviewLog) reopened = NULL;
  g_autoptr(GError) error = NULL;
  guint undone = 0;

  answer (session, log, 0, T0, 4);
  answer (expected, osl_review_log_new_in_memory (), 0, T0, 4);
  answer (session, log, 0, T0 + 10 * MINUTE, 4);
  answer (session, log, 1, T0 + 11 * MINUTE, 2);
  answer (session, log, 0, T0 + 2 * DAY, 5);

  /* Three steps back leaves only the first answer. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (osl_review_log_undo (log, T0 + 3 * DAY, &undone, &error));
      g_assert_no_error (error);
      osl_review_session_take_back (session, log, undone);
    }
  g_assert_cmpuint (undone, ==, 1);
  assert_same_progress (session, expected, osl_deck_get_n_cards (deck));
  g_assert_cmpint (osl_review_session_get_progress (session, 1)->fsrs.state, ==, OSL_FSRS_NEW);

  reopened = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  osl_review_session_replay (session, reopened);
  assert_same_progress (session, expected, osl_deck_get_n_cards (deck));

  /* Undo all the way, then once more: nothing left, nothing written. */
  g_assert_true (osl_review_log_undo (reopened, T0 + 3 * DAY, &undone, NULL));
  g_assert_false (osl_review_log_can_undo (reopened));
  g_assert_false (osl_review_log_undo (reopened, T0 + 3 * DAY, &undone, &error));
  g_assert_no_error (error);
}

static void
test_torn_last_line_kept_aside (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *torn = "{\"format\":\"os-lens/review-log\",\"version\":1}\n"
                     "{\"card\":\"vc-01\",\"time\":1741003200000,\"rating\":4,\"grade\":3}\n"
                     "{ \"time\": 1741003260000, \"card\": \"vc-02\", \"rating\": 2 }\n"
                     "{\"card\":\"vc-03\",\"time\":17410032";
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(OslReviewLog) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL, *aside_contents = NULL, *contents = NULL;

  g_file_set_contents (fixture->path, torn, -1, NULL);
  log = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_review_log_get_n_entries (log), ==, 2);
  g_assert_cmpstr (osl_review_log_get_card_id (log, osl_review_log_get_entry (log, 1)->card), ==, "vc-02");
  g_assert_cmpuint (osl_review_log_get_entry (log, 1)->grade, ==, 1);
  g_assert_nonnull (strstr (osl_review_log_get_recovery (log), "was cut off"));

  aside = find_kept_aside (fixture);
  g_assert_nonnull (aside);
  g_file_get_contents (aside, &aside_contents, NULL, NULL);
  g_assert_cmpstr (aside_contents, ==, torn);

  /* The log is whole again and takes the next answer on a line of its own. */
  g_assert_true (osl_review_log_append (log, "vc-04", T0 + 5 * MINUTE, 5, 4, &error));
  again = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (osl_review_log_get_recovery (again));
  g_assert_cmpuint (osl_review_log_get_n_entries (again), ==, 3);
  g_file_get_contents (fixture->path, &contents, NULL, NULL);
  g_assert_true (g_str_has_suffix (contents, "\n{\"card\":\"vc-04\",\"time\":1741003500000,\"rating\":5,\"grade\":4}\n"));
}

static void
test_corrupt_log_kept_aside (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *middle = "{\"format\":\"os-lens/review-log\",\"version\":1}\n"
                       "{\"card\":\"vc-01\",\"time\":1741003200000,\"rating\":4,\"grade\":3}\n"
                       "\x01\x02 not json\n"
                       "{\"card\":\"vc-02\",\"time\":1741003200000,\"rating\":9,\"grade\":3}\n"
                       "{\"card\":\"vc-03\",\"time\":1741003300000,\"rating\":3,\"grade\":2}\n";
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL, *aside_contents = NULL;

  g_file_set_contents (fixture->path, "PK\x03\x04 a zip file, not a log", -1, NULL);
  log = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_review_log_get_n_entries (log), ==, 0);
  g_assert_true (g_str_has_prefix (osl_review_log_get_recovery (log), "The review log could not be read ("));
  aside = find_kept_aside (fixture);
  g_file_get_contents (aside, &aside_contents, NULL, NULL);
  g_assert_cmpstr (aside_contents, ==, "PK\x03\x04 a zip file, not a log");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (osl_review_log_append (log, "vc-01", T0, 4, 3, &error));
  g_unlink (aside);
  g_clear_pointer (&log, osl_review_log_free);
  g_clear_pointer (&aside, g_free);
  g_clear_pointer (&aside_contents, g_free);

  g_file_set_contents (fixture->path, middle, -1, NULL);
  log = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_review_log_get_n_entries (log), ==, 2);
  g_assert_nonnull (strstr (osl_review_log_get_recovery (log), "2 lines of the review log could not be read"));
  aside = find_kept_aside (fixture);
  g_file_get_contents (aside, &aside_contents, NULL, NULL);
  g_assert_cmpstr (aside_contents, ==, middle);
}

/* The app killed mid-write: a child appends answers as fast as it can
 * and reports each one the log acknowledged; the parent kills it with
 * SIGKILL at a varying moment. Every acknowledged answer must load. */
static void
test_kill_mid_write (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(OslReviewLog) log = NULL;
      g_autoptr(GError) error = NULL;
      int fds[2];
      pid_t child;
      guint32 acknowledged = 0, value;
      guint received = 0;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          OslReviewLog *writer;

          close (fds[0]);
          writer = osl_review_log_open (fixture->path, NULL);
          for (guint32 i = osl_review_log_get_n_entries (writer) + 1; ; i++)
            {
              char id[16];

              g_snprintf (id, sizeof id, "vc-%02u", 1 + i % 57);
              if (!osl_review_log_append (writer, id, T0 + i * MINUTE, 1 + i % 5, 1 + i % 4, NULL))
                _exit (1);
              if (write (fds[1], &i, sizeof i) != sizeof i)
                _exit (1);
            }
        }
      close (fds[1]);
      while (received < 20 + round * 37 && read (fds[0], &value, sizeof value) == sizeof value)
        {
          acknowledged = value;
          received++;
        }
      g_usleep (round * 700);
      kill (child, SIGKILL);
      waitpid (child, &status, 0);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], &value, sizeof value) == sizeof value)
        acknowledged = value;
      close (fds[0]);

      log = osl_review_log_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (osl_review_log_get_n_entries (log), >=, acknowledged);
      for (guint i = 0; i < osl_review_log_get_n_entries (log); i++)
        {
          const OslReviewEntry *entry = osl_review_log_get_entry (log, i);

          g_assert_cmpint (entry->time, ==, T0 + (i + 1) * MINUTE);
          g_assert_cmpuint (entry->rating, ==, 1 + (i + 1) % 5);
        }
    }
}

static void
test_open_deck_and_log (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *deck_path = g_test_build_filename (G_TEST_DIST, "..", "data", "decks",
                                                      "virtualization-containerization.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  OslDeck *deck = NULL;
  OslReviewLog *log = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "{\"format\":\"os-lens/review-log\",\"version\":1}\n"
                                      "{\"card\":\"vc-07\",\"time\":1741003200000,\"rating\":5,\"grade\":4}\n", -1, NULL);
  g_assert_true (osl_review_open_deck_and_log (deck_path, fixture->path, &deck, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (osl_deck_get_n_cards (deck), ==, 57);
  g_assert_cmpuint (osl_review_log_get_n_entries (log), ==, 1);
  g_clear_pointer (&deck, osl_deck_free);
  g_clear_pointer (&log, osl_review_log_free);

  g_assert_false (osl_review_open_deck_and_log (missing, fixture->path, &deck, &log, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_null (deck);
  g_assert_null (log);
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(OslReviewLog) log = osl_review_log_new_in_memory ();
  g_autoptr(OslReviewLog) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (osl_review_log_append (log, "vc-01", T0, 4, 3, NULL));
  g_assert_true (osl_review_log_append (log, "vc-02", T0 + MINUTE, 1, 1, NULL));
  g_assert_true (osl_review_log_undo (log, T0 + 2 * MINUTE, NULL, NULL));
  g_assert_true (osl_review_log_append (log, "vc-03", T0 + 3 * MINUTE, 5, 4, NULL));
  text = osl_review_log_export (log, NULL);
  g_assert_cmpstr (text, ==, "{\"format\":\"os-lens/review-log\",\"version\":1}\n"
                             "{\"card\":\"vc-01\",\"time\":1741003200000,\"rating\":4,\"grade\":3}\n"
                             "{\"card\":\"vc-03\",\"time\":1741003380000,\"rating\":5,\"grade\":4}\n");
  g_file_set_contents (fixture->path, text, -1, NULL);
  again = osl_review_log_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (osl_review_log_get_n_entries (again), ==, 2);
}

static void
test_queue_and_counts (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslReviewSession) session = new_session (deck);
  g_autoptr(OslReviewLog) log = osl_review_log_new_in_memory ();
  OslReviewCounts counts;
  gint64 now = T0;

  osl_review_session_get_counts (session, now, &counts);
  g_assert_cmpuint (counts.fresh, ==, 20);
  g_assert_cmpuint (counts.learning + counts.review + counts.done, ==, 0);
  g_assert_cmpint (osl_review_session_next_card (session, now), ==, 0);

  /* Good on a new card: a 10-minute step; the next new card comes first. */
  answer (session, log, 0, now, 4);
  g_assert_cmpint (osl_review_session_next_card (session, now + MINUTE), ==, 1);
  osl_review_session_get_counts (session, now + MINUTE, &counts);
  g_assert_cmpuint (counts.learning, ==, 1);
  g_assert_cmpuint (counts.fresh, ==, 19);
  g_assert_cmpuint (counts.done, ==, 1);
  /* When the step is due, the learning card comes before new ones. */
  g_assert_cmpint (osl_review_session_next_card (session, now + 10 * MINUTE), ==, 0);

  /* Suspended cards never come. */
  osl_deck_get_card (deck, 1)->suspended = TRUE;
  g_assert_cmpint (osl_review_session_next_card (session, now + MINUTE), ==, 2);

  /* With the daily limit reached and nothing due, the session is done
   * until the learning step (within 20 minutes it is shown early). */
  osl_review_session_set_new_per_day (session, 1);
  g_assert_cmpint (osl_review_session_next_card (session, now + MINUTE), ==, 0);
  answer (session, log, 0, now + 2 * MINUTE, 5);
  g_assert_cmpint (osl_review_session_next_card (session, now + 3 * MINUTE), ==, -1);
  /* New cards wait for the next study day, 4 AM. */
  g_assert_cmpint (osl_review_session_get_next_due (session, now + 3 * MINUTE), ==,
                   T0 + DAY - 8 * 3600 * G_GINT64_CONSTANT (1000));
  g_assert_cmpint (osl_review_session_next_card (session, T0 + DAY), ==, 2);
}

/* 1 and 2 are both Again for FSRS; 2 comes back after 10 minutes, not 1. */
static void
test_near_miss_requeue (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslReviewSession) session = new_session (deck);
  g_autoptr(OslReviewLog) log = osl_review_log_new_in_memory ();
  OslFsrsCard outcomes[6];

  osl_review_session_preview (session, 0, T0, outcomes);
  g_assert_cmpint (outcomes[1].due - T0, ==, 1 * MINUTE);
  g_assert_cmpint (outcomes[2].due - T0, ==, 10 * MINUTE);
  g_assert_cmpfloat (outcomes[1].stability, ==, outcomes[2].stability);
  g_assert_cmpint (outcomes[3].due - T0, ==, 6 * MINUTE);
  answer (session, log, 0, T0, 1);
  answer (session, log, 1, T0, 2);
  g_assert_cmpint (osl_review_session_get_progress (session, 0)->fsrs.due, ==, T0 + MINUTE);
  g_assert_cmpint (osl_review_session_get_progress (session, 1)->fsrs.due, ==, T0 + 10 * MINUTE);
  g_assert_cmpuint (osl_review_session_get_progress (session, 1)->last_rating, ==, 2);
}

static void
test_statistics (void)
{
  g_autoptr(OslDeck) deck = load_lecture_deck ();
  g_autoptr(OslReviewSession) session = new_session (deck);
  g_autoptr(OslReviewLog) log = osl_review_log_new_in_memory ();
  OslReviewStats stats;
  gint64 now;

  /* Three days in a row: cards 0 and 1 learnt, then tested. */
  answer (session, log, 0, T0, 5);
  answer (session, log, 1, T0, 5);
  answer (session, log, 0, T0 + 8 * DAY, 4);
  answer (session, log, 1, T0 + 8 * DAY, 1);
  answer (session, log, 1, T0 + 9 * DAY, 4);
  now = T0 + 9 * DAY + MINUTE;
  osl_review_stats_compute (&stats, session, log, now);

  g_assert_cmpuint (stats.answers, ==, 5);
  g_assert_cmpuint (stats.mastery[OSL_MASTERY_NEW], ==, 55);
  g_assert_cmpuint (stats.heatmap[OSL_REVIEW_STATS_HEATMAP_DAYS - 1], ==, 1);
  g_assert_cmpuint (stats.heatmap[OSL_REVIEW_STATS_HEATMAP_DAYS - 2], ==, 2);
  g_assert_cmpuint (stats.heatmap[OSL_REVIEW_STATS_HEATMAP_DAYS - 10], ==, 2);
  g_assert_cmpuint (stats.streak, ==, 2);
  /* Answers to cards seen on an earlier day: 3, of which one failed. */
  g_assert_cmpuint (stats.retention_total, ==, 3);
  g_assert_cmpuint (stats.retention_passed, ==, 2);
  g_assert_cmpuint (stats.forecast[0] + stats.forecast[1], <=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-log/replay", Fixture, NULL, fixture_set_up, test_replay_rebuilds_states, fixture_tear_down);
  g_test_add ("/review-log/undo", Fixture, NULL, fixture_set_up, test_multi_step_undo, fixture_tear_down);
  g_test_add ("/review-log/torn-line", Fixture, NULL, fixture_set_up, test_torn_last_line_kept_aside, fixture_tear_down);
  g_test_add ("/review-log/corrupt", Fixture, NULL, fixture_set_up, test_corrupt_log_kept_aside, fixture_tear_down);
  g_test_add ("/review-log/kill-mid-write", Fixture, NULL, fixture_set_up, test_kill_mid_write, fixture_tear_down);
  g_test_add ("/review-log/export", Fixture, NULL, fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/review-log/open-with-deck", Fixture, NULL, fixture_set_up, test_open_deck_and_log, fixture_tear_down);
  g_test_add_func ("/review-session/queue", test_queue_and_counts);
  g_test_add_func ("/review-session/statistics", test_statistics);
  g_test_add_func ("/review-session/near-miss", test_near_miss_requeue);
  return g_test_run ();
}
