/* osl-page.h: what the window asks of each of the four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-scene.h"

G_BEGIN_DECLS

#define OSL_TYPE_PAGE (osl_page_get_type ())
G_DECLARE_INTERFACE (OslPage, osl_page, OSL, PAGE, GtkWidget)

struct _OslPageInterface
{
  GTypeInterface parent_iface;

  /* Presenter keys: PageDown/PageUp, Space, Home. */
  void       (*step_forward)  (OslPage      *self);
  void       (*step_back)     (OslPage      *self);
  void       (*play_pause)    (OslPage      *self);
  void       (*restart)       (OslPage      *self);

  /* Export (Ctrl+E): the visible diagram built for another size. */
  OslScene  *(*build_scene)   (OslPage      *self,
                               double        width,
                               double        height);

  /* Open (Ctrl+O, drag and drop) and Save (Ctrl+S); optional. */
  gboolean   (*open_file)     (OslPage      *self,
                               GFile        *file,
                               GError      **error);
  gboolean   (*save_file)     (OslPage      *self,
                               GFile        *file,
                               GError      **error);

  /* "Explore this" from a flashcard: show a named state such as
   * "preset:lecture-example"; optional, returns FALSE if unknown. */
  gboolean   (*show_state)    (OslPage      *self,
                               const char   *state);
};

void      osl_page_step_forward (OslPage  *self);
void      osl_page_step_back    (OslPage  *self);
void      osl_page_play_pause   (OslPage  *self);
void      osl_page_restart      (OslPage  *self);
OslScene *osl_page_build_scene  (OslPage  *self,
                                 double    width,
                                 double    height);
gboolean  osl_page_can_open     (OslPage  *self);
gboolean  osl_page_open_file    (OslPage  *self,
                                 GFile    *file,
                                 GError  **error);
gboolean  osl_page_can_save     (OslPage  *self);
gboolean  osl_page_save_file    (OslPage  *self,
                                 GFile    *file,
                                 GError  **error);
gboolean  osl_page_show_state   (OslPage    *self,
                                 const char *state);

G_END_DECLS
