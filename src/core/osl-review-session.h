/* osl-review-session.h: which card comes next, and how many are left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-deck.h"
#include "osl-fsrs.h"
#include "osl-review-log.h"

G_BEGIN_DECLS

/* A new study day starts at 4 AM local time, as in Anki, so a session
 * past midnight still counts as the evening's. */
#define OSL_REVIEW_ROLLOVER_HOUR   4
/* With nothing else to do, a learning card due this soon is shown early. */
#define OSL_REVIEW_LEARN_AHEAD_MS  (20 * OSL_FSRS_MS_PER_MINUTE)
#define OSL_REVIEW_NEW_PER_DAY     20
/* "Barely" (2) is a failure like "Not at all" (1) for FSRS, but a near
 * miss comes back after 10 minutes rather than 1 (Brainscape's rule). */
#define OSL_REVIEW_BARELY_DELAY_MS (10 * OSL_FSRS_MS_PER_MINUTE)

typedef struct
{
  OslFsrsCard  fsrs;
  gint64       first_review;   /* 0 while never answered */
  guint8       last_rating;    /* 0 while never answered */
} OslCardProgress;

typedef struct
{
  guint  learning;   /* in (re)learning steps, due today */
  guint  review;     /* review cards due today */
  guint  fresh;      /* new cards still allowed today */
  guint  done;       /* answers given today */
} OslReviewCounts;

typedef struct _OslReviewSession OslReviewSession;

OslReviewSession      *osl_review_session_new             (OslDeck             *deck,
                                                           const OslFsrsParams *params);
void                   osl_review_session_free            (OslReviewSession    *session);
void                   osl_review_session_set_time_zone   (OslReviewSession    *session,
                                                           GTimeZone           *time_zone);
void                   osl_review_session_set_new_per_day (OslReviewSession    *session,
                                                           guint                new_per_day);
const OslFsrsParams   *osl_review_session_get_params      (OslReviewSession    *session);
OslDeck               *osl_review_session_get_deck        (OslReviewSession    *session);

void                   osl_review_session_replay          (OslReviewSession    *session,
                                                           OslReviewLog        *log);
void                   osl_review_session_answer          (OslReviewSession    *session,
                                                           guint                card,
                                                           gint64               now,
                                                           guint                rating);
void                   osl_review_session_take_back       (OslReviewSession    *session,
                                                           OslReviewLog        *log,
                                                           guint                undone_entry);
void                   osl_review_session_card_added      (OslReviewSession    *session);

const OslCardProgress *osl_review_session_get_progress    (OslReviewSession    *session,
                                                           guint                card);
void                   osl_review_session_preview         (OslReviewSession    *session,
                                                           guint                card,
                                                           gint64               now,
                                                           OslFsrsCard          outcomes[6]);
gint                   osl_review_session_next_card       (OslReviewSession    *session,
                                                           gint64               now);
void                   osl_review_session_get_counts      (OslReviewSession    *session,
                                                           gint64               now,
                                                           OslReviewCounts     *counts);
gint64                 osl_review_session_get_next_due    (OslReviewSession    *session,
                                                           gint64               now);
gint64                 osl_review_session_day_start       (OslReviewSession    *session,
                                                           gint64               now);

char                  *osl_review_format_delay            (gint64               delay_ms);
gboolean               osl_review_open_deck_and_log       (const char          *deck_path,
                                                           const char          *log_path,
                                                           OslDeck            **deck,
                                                           OslReviewLog       **log,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslReviewSession, osl_review_session_free)

G_END_DECLS
