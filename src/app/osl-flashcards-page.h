/* osl-flashcards-page.h: review, class quiz, browser and statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_FLASHCARDS_PAGE (osl_flashcards_page_get_type ())
G_DECLARE_FINAL_TYPE (OslFlashcardsPage, osl_flashcards_page, OSL, FLASHCARDS_PAGE, GtkWidget)

GtkWidget *osl_flashcards_page_new (void);

G_END_DECLS
