/* osl-review-log.h: every answer, appended durably to a JSON Lines file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_REVIEW_LOG_FORMAT  "os-lens/review-log"
#define OSL_REVIEW_LOG_VERSION 1
#define OSL_REVIEW_LOG_NONE    G_MAXUINT32

typedef struct
{
  gint64   time;           /* ms since the Unix epoch, UTC */
  guint32  card;           /* index into the log's card ids */
  guint32  previous;       /* this card's previous live review, or OSL_REVIEW_LOG_NONE */
  guint8   rating;         /* what the learner pressed, 1–5 */
  guint8   grade;          /* the FSRS grade it meant, 1–4 */
  gboolean undone;
} OslReviewEntry;

typedef struct _OslReviewLog OslReviewLog;

OslReviewLog         *osl_review_log_open              (const char    *path,
                                                        GError       **error);
OslReviewLog         *osl_review_log_new_in_memory     (void);
void                  osl_review_log_free              (OslReviewLog  *log);
const char           *osl_review_log_get_path          (OslReviewLog  *log);
const char           *osl_review_log_get_recovery      (OslReviewLog  *log);

gboolean              osl_review_log_append            (OslReviewLog  *log,
                                                        const char    *card_id,
                                                        gint64         time,
                                                        guint          rating,
                                                        guint          grade,
                                                        GError       **error);
gboolean              osl_review_log_undo              (OslReviewLog  *log,
                                                        gint64         time,
                                                        guint         *undone_index,
                                                        GError       **error);

guint                 osl_review_log_get_n_entries     (OslReviewLog  *log);
const OslReviewEntry *osl_review_log_get_entry         (OslReviewLog  *log,
                                                        guint          index);
guint                 osl_review_log_get_n_cards       (OslReviewLog  *log);
const char           *osl_review_log_get_card_id       (OslReviewLog  *log,
                                                        guint32        card);
guint32               osl_review_log_lookup_card       (OslReviewLog  *log,
                                                        const char    *card_id);
guint32               osl_review_log_get_last_review   (OslReviewLog  *log,
                                                        guint32        card);
gboolean              osl_review_log_can_undo          (OslReviewLog  *log);

char                 *osl_review_log_export            (OslReviewLog  *log,
                                                        gsize         *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslReviewLog, osl_review_log_free)

G_END_DECLS
