/* osl-review-stats.c: the figures of the statistics view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-review-stats.h"

#define DAY_MS OSL_FSRS_MS_PER_DAY

OslMasteryLevel
osl_mastery_level_for (double retrievability)
{
  if (retrievability >= 0.95)
    return OSL_MASTERY_MASTERED;
  if (retrievability >= 0.85)
    return OSL_MASTERY_FAMILIAR;
  if (retrievability >= 0.70)
    return OSL_MASTERY_LEARNING;
  return OSL_MASTERY_STRUGGLING;
}

/* Study-day boundaries around @now: starts[i] begins day i, the last
 * one is tomorrow; computed once so each answer costs a binary search. */
static GArray *
day_starts (OslReviewSession *session,
            gint64            now,
            guint             days_before,
            guint             days_after)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 today = osl_review_session_day_start (session, now);

  for (gint i = -(gint) days_before; i <= (gint) days_after; i++)
    {
      /* Noon of each day lands in that study day whatever DST does. */
      gint64 start = osl_review_session_day_start (session, today + i * DAY_MS + DAY_MS / 2);

      g_array_append_val (starts, start);
    }
  return starts;
}

static gint
day_index (GArray *starts,
           gint64  time)
{
  guint low = 0, high = starts->len;

  if (starts->len == 0 || time < g_array_index (starts, gint64, 0))
    return -1;
  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (starts, gint64, mid) <= time)
        low = mid;
      else
        high = mid;
    }
  return low;
}

static void
compute_cards (OslReviewStats   *stats,
               OslReviewSession *session,
               gint64            now)
{
  OslDeck *deck = osl_review_session_get_deck (session);
  g_autoptr(GArray) starts = day_starts (session, now, 0, OSL_REVIEW_STATS_FORECAST_DAYS);

  for (guint i = 0; i < osl_deck_get_n_cards (deck); i++)
    {
      const OslCardProgress *progress = osl_review_session_get_progress (session, i);
      double r;
      gint day;

      if (osl_deck_get_card (deck, i)->suspended)
        {
          stats->suspended++;
          continue;
        }
      if (progress->first_review == 0)
        {
          stats->mastery[OSL_MASTERY_NEW]++;
          continue;
        }
      r = osl_fsrs_get_retrievability (osl_review_session_get_params (session), &progress->fsrs, now);
      stats->mastery[osl_mastery_level_for (r)]++;
      day = progress->fsrs.due <= now ? 0 : day_index (starts, progress->fsrs.due);
      if (day >= 0 && day < OSL_REVIEW_STATS_FORECAST_DAYS)
        stats->forecast[day]++;
    }
}

/* True retention: of the answers in the last 30 days to cards last seen
 * on an earlier day (real recall tests, not same-day learning steps),
 * the share rated 3 or better. */
static void
compute_answers (OslReviewStats   *stats,
                 OslReviewSession *session,
                 OslReviewLog     *log,
                 gint64            now)
{
  g_autoptr(GArray) starts = day_starts (session, now, OSL_REVIEW_STATS_HEATMAP_DAYS - 1, 0);
  gint64 retention_since = g_array_index (starts, gint64, starts->len - 1 - (OSL_REVIEW_STATS_RETENTION_DAYS - 1));
  guint n_entries = osl_review_log_get_n_entries (log);

  for (guint i = 0; i < n_entries; i++)
    {
      const OslReviewEntry *entry = osl_review_log_get_entry (log, i);
      gint day;

      if (entry->undone)
        continue;
      stats->answers++;
      day = day_index (starts, entry->time);
      if (day >= 0 && day < OSL_REVIEW_STATS_HEATMAP_DAYS)
        stats->heatmap[day]++;
      if (entry->time >= retention_since && entry->previous != OSL_REVIEW_LOG_NONE &&
          day_index (starts, osl_review_log_get_entry (log, entry->previous)->time) < day)
        {
          stats->retention_total++;
          if (entry->grade > 1)
            stats->retention_passed++;
        }
    }
}

static void
compute_streak (OslReviewStats *stats)
{
  gint day = OSL_REVIEW_STATS_HEATMAP_DAYS - 1;

  /* A day without answers yet does not break the streak before it ends. */
  if (stats->heatmap[day] == 0)
    day--;
  while (day >= 0 && stats->heatmap[day] > 0)
    {
      stats->streak++;
      day--;
    }
}

void
osl_review_stats_compute (OslReviewStats   *stats,
                          OslReviewSession *session,
                          OslReviewLog     *log,
                          gint64            now)
{
  g_autoptr(GDateTime) utc = NULL;
  gint64 first_day = now - (OSL_REVIEW_STATS_HEATMAP_DAYS - 1) * DAY_MS;

  memset (stats, 0, sizeof *stats);
  compute_cards (stats, session, now);
  compute_answers (stats, session, log, now);
  compute_streak (stats);
  utc = g_date_time_new_from_unix_utc (osl_review_session_day_start (session, first_day) / 1000 + 12 * 3600);
  stats->heatmap_weekday = g_date_time_get_day_of_week (utc);
}
