/* osl-bench-flashcards.c: a big deck with a long history stays instant
 *
 * 100,000 cards and 1,000,000 logged answers (a heavy Anki user's
 * collection): loading the deck and the log and replaying every card's
 * FSRS state must take under a second, choosing the next card under a
 * millisecond, and answering one card, durable write included, under
 * five milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <inttypes.h>

#include "osl-bench.h"
#include "osl-review-session.h"

#define N_CARDS           100000
#define N_ANSWERS         1000000
#define N_CARDS_QUICK     2000
#define N_ANSWERS_QUICK   20000
/* 2025-01-06 12:00 UTC */
#define START_MS          G_GINT64_CONSTANT (1736164800000)

static OslDeck *
make_deck (guint n_cards)
{
  OslDeck *deck = osl_deck_new ("bench", "Benchmark deck");

  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%06u", i);
      g_autofree char *front = g_strdup_printf ("Question %u: what does `CR3` hold on x86-64?", i);
      OslCard *card = osl_card_new (id, front, "The physical address of the PML4 table.\n- one\n- two");

      card->tags = g_strsplit ("paging x86-64", " ", -1);
      osl_deck_add_card (deck, card);
    }
  return deck;
}

/* A year of daily sessions: each answer a card, a pseudo-random rating
 * (mostly 4), times moving forward by a few minutes per answer. */
static char *
make_log (guint n_cards,
          guint n_answers,
          gsize *length)
{
  GString *text = g_string_sized_new ((gsize) n_answers * 64);
  GRand *rand = g_rand_new_with_seed (7);
  gint64 time = START_MS;

  g_string_append (text, "{\"format\":\"os-lens/review-log\",\"version\":1}\n");
  for (guint i = 0; i < n_answers; i++)
    {
      static const guint ratings[] = { 1, 2, 3, 4, 4, 4, 4, 5 };
      guint rating = ratings[g_rand_int_range (rand, 0, G_N_ELEMENTS (ratings))];
      guint grade = rating <= 2 ? 1 : rating - 1;

      time += g_rand_int_range (rand, 1000, 60000);
      g_string_append_printf (text, "{\"card\":\"card-%06u\",\"time\":%" PRId64 ",\"rating\":%u,\"grade\":%u}\n",
                              g_rand_int_range (rand, 0, n_cards), time, rating, grade);
    }
  g_rand_free (rand);
  *length = text->len;
  return g_string_free (text, FALSE);
}

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

void
osl_bench_flashcards (OslBench *bench)
{
  gboolean quick = osl_bench_is_quick (bench);
  guint n_cards = quick ? N_CARDS_QUICK : N_CARDS;
  guint n_answers = quick ? N_ANSWERS_QUICK : N_ANSWERS;
  g_autoptr(OslDeck) made = make_deck (n_cards);
  g_autoptr(OslDeck) deck = NULL;
  g_autoptr(OslReviewLog) log = NULL;
  g_autoptr(OslReviewSession) session = NULL;
  g_autofree char *dir = g_dir_make_tmp ("osl-bench-XXXXXX", NULL);
  g_autofree char *deck_path = g_build_filename (dir, "deck.json", NULL);
  g_autofree char *log_path = g_build_filename (dir, "reviews.jsonl", NULL);
  g_autofree char *log_text = NULL;
  double samples[200];
  guint n_samples = quick ? 20 : G_N_ELEMENTS (samples);
  OslFsrsParams params;
  gsize length = 0;
  gint64 now;
  double start;

  osl_deck_save (made, deck_path, NULL);
  log_text = make_log (n_cards, n_answers, &length);
  g_file_set_contents (log_path, log_text, length, NULL);
  g_clear_pointer (&log_text, g_free);

  start = osl_bench_now_ms ();
  osl_review_open_deck_and_log (deck_path, log_path, &deck, &log, NULL);
  osl_fsrs_params_init (&params);
  params.enable_fuzz = TRUE;
  session = osl_review_session_new (deck, &params);
  osl_review_session_replay (session, log);
  osl_bench_report (bench, "flashcards.load-and-replay", osl_bench_now_ms () - start, "ms", 1000);

  now = osl_review_log_get_entry (log, osl_review_log_get_n_entries (log) - 1)->time + 3600 * 1000;
  for (guint i = 0; i < n_samples; i++)
    {
      start = osl_bench_now_ms ();
      osl_review_session_next_card (session, now + i * 1000);
      samples[i] = osl_bench_now_ms () - start;
    }
  osl_bench_report (bench, "flashcards.next-card.median", osl_bench_median (samples, n_samples), "ms", 1);

  for (guint i = 0; i < n_samples; i++)
    {
      gint64 at = now + i * 1000;
      gint card = osl_review_session_next_card (session, at);

      start = osl_bench_now_ms ();
      osl_review_log_append (log, osl_deck_get_card (deck, MAX (card, 0))->id, at, 4, 3, NULL);
      osl_review_session_answer (session, MAX (card, 0), at, 4);
      samples[i] = osl_bench_now_ms () - start;
    }
  osl_bench_report (bench, "flashcards.answer-durably.median", osl_bench_median (samples, n_samples), "ms", 5);
  osl_bench_report (bench, "flashcards.answer-durably.max", osl_bench_max (samples, n_samples), "ms", 0);

  g_clear_pointer (&log, osl_review_log_free);
  remove_dir (dir);
}
