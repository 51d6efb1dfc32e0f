/* osl-deck-anki.h: Anki's plain-text import format (CSV, TSV, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-deck.h"

G_BEGIN_DECLS

OslDeck *osl_deck_anki_parse  (const char  *data,
                               gssize       length,
                               const char  *deck_id,
                               GError     **error);
char    *osl_deck_anki_export (OslDeck     *deck);

G_END_DECLS
