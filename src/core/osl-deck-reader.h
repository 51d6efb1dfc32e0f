/* osl-deck-reader.h: a fast, strict reader for well-formed deck files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-deck.h"

G_BEGIN_DECLS

OslDeck *osl_deck_reader_read (const char *data,
                               gsize       length);

G_END_DECLS
