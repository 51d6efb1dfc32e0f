/* osl-review-stats.h: the figures of the statistics view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-review-session.h"

G_BEGIN_DECLS

#define OSL_REVIEW_STATS_HEATMAP_DAYS   (26 * 7)
#define OSL_REVIEW_STATS_FORECAST_DAYS  30
#define OSL_REVIEW_STATS_RETENTION_DAYS 30

typedef enum
{
  OSL_MASTERY_NEW,          /* never answered */
  OSL_MASTERY_STRUGGLING,   /* recall probability below 70 % */
  OSL_MASTERY_LEARNING,     /* 70–85 % */
  OSL_MASTERY_FAMILIAR,     /* 85–95 % */
  OSL_MASTERY_MASTERED,     /* 95 % and above */
  OSL_N_MASTERY_LEVELS
} OslMasteryLevel;

typedef struct
{
  guint mastery[OSL_N_MASTERY_LEVELS];
  guint suspended;
  guint heatmap[OSL_REVIEW_STATS_HEATMAP_DAYS];    /* answers per day, today last */
  guint heatmap_weekday;                           /* weekday of the first cell, 1 = Monday */
  guint forecast[OSL_REVIEW_STATS_FORECAST_DAYS];  /* cards due per day, overdue in today's */
  guint retention_passed;
  guint retention_total;
  guint streak;                                    /* days in a row with answers */
  guint answers;                                   /* all answers ever */
} OslReviewStats;

void            osl_review_stats_compute     (OslReviewStats   *stats,
                                              OslReviewSession *session,
                                              OslReviewLog     *log,
                                              gint64            now);
OslMasteryLevel osl_mastery_level_for        (double            retrievability);

G_END_DECLS
