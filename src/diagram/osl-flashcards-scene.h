/* osl-flashcards-scene.h: statistics and class-mode cards as scenes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-deck.h"
#include "osl-review-stats.h"
#include "osl-scene.h"

G_BEGIN_DECLS

char     *osl_flashcards_markup_to_pango (const char           *text);
OslScene *osl_flashcards_stats_scene     (const OslReviewStats *stats,
                                          const char           *deck_title,
                                          double                width,
                                          double                height);
OslScene *osl_flashcards_card_scene      (const OslCard        *card,
                                          guint                 position,
                                          guint                 total,
                                          gboolean              revealed,
                                          double                width,
                                          double                height);
OslScene *osl_flashcards_view_scene      (const char           *scenario_path,
                                          double                width,
                                          double                height,
                                          GError              **error);

G_END_DECLS
