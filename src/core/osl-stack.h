/* osl-stack.h: the software stacks of the lecture, bottom to top
 *
 * Bare metal, a Type 1 hypervisor, a Type 2 (hosted) hypervisor,
 * containers on an engine, and a language VM: their layers, what each one
 * is, which layers are shared, where the isolation boundary lies and the
 * privilege level (ring 0/3, VMX root/non-root) each layer runs at. Plus
 * the lecture's VM-versus-container comparison and the background cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_STACK_ERROR (osl_stack_error_quark ())

typedef enum
{
  OSL_STACK_ERROR_UNKNOWN,
} OslStackError;

typedef enum
{
  OSL_STACK_BARE_METAL,
  OSL_STACK_TYPE1,
  OSL_STACK_TYPE2,
  OSL_STACK_CONTAINERS,
  OSL_STACK_LANGUAGE_VM,
  OSL_N_STACKS
} OslStackKind;

typedef enum
{
  OSL_VMX_NONE,       /* no VMX operation: bare metal, or hardware itself */
  OSL_VMX_ROOT,       /* the hypervisor's mode */
  OSL_VMX_NON_ROOT,   /* a guest's mode */
} OslVmxMode;

typedef enum
{
  OSL_LAYER_HARDWARE,
  OSL_LAYER_HYPERVISOR,
  OSL_LAYER_KERNEL,
  OSL_LAYER_ENGINE,
  OSL_LAYER_RUNTIME,
  OSL_LAYER_LIBRARIES,
  OSL_LAYER_APP,
} OslLayerRole;

typedef struct
{
  const char   *id;            /* stable: "hardware", "guest-os", … */
  OslLayerRole  role;
  const char   *name;          /* translatable */
  const char   *detail;        /* one line: examples or a remark */
  const char   *explanation;   /* what a click on the layer says */
  OslVmxMode    vmx;
  int           ring;          /* 0 or 3; −1 for hardware */
  guint         instances;     /* 1: one shared layer; 2: one per VM/container */
} OslStackLayer;

typedef struct
{
  OslStackKind         kind;
  const char          *id;          /* "type1", as typed after --stacks */
  const char          *name;
  const char          *examples;
  const char          *summary;
  const char          *instance;    /* "VM", "container", "app" */
  const OslStackLayer *layers;      /* bottom first */
  guint                n_layers;
  guint                first_isolated;  /* the isolation boundary lies below this layer */
  const char          *boundary;    /* what enforces it */
  const char          *shared;      /* what every instance shares */
  const char          *cards;
} OslStack;

typedef struct
{
  const char *aspect;
  const char *vm;
  const char *container;
} OslStackContrast;

GQuark                  osl_stack_error_quark        (void);
const OslStack         *osl_stack_get                (OslStackKind   kind);
gboolean                osl_stack_parse_kind         (const char    *id,
                                                      OslStackKind  *kind,
                                                      GError       **error);
const OslStackLayer    *osl_stack_find_layer         (const OslStack *stack,
                                                      const char    *layer_id);
char                   *osl_stack_layer_privilege    (const OslStackLayer *layer);

const OslStackContrast *osl_stack_get_contrasts      (guint         *n_contrasts);
const OslStackContrast *osl_stack_get_typical_figures (guint        *n_figures);
const char * const     *osl_stack_get_similarities   (void);
const char * const     *osl_stack_get_goals          (void);
const char * const     *osl_stack_get_requirements   (void);
const OslStackContrast *osl_stack_get_virtualization_kinds (guint   *n_kinds);
const OslStackContrast *osl_stack_get_hardware_support (guint       *n_rows);

G_END_DECLS
