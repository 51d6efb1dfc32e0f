/* osl-vmx.c: one VM exit and VM entry, step by step
 *
 * The sequence is a pure function of (cause, step): stepping back is
 * stepping forward from the start one step less.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-vmx.h"

G_DEFINE_QUARK (osl-vmx-error-quark, osl_vmx_error)

#define GUEST_START_RIP 0xffffffff81001000ull

/* Basic exit reasons from the Intel SDM, appendix "VMX Basic Exit Reasons". */
static const OslVmxCauseInfo causes[OSL_VMX_N_CAUSES] = {
  [OSL_VMX_CAUSE_HLT] = { "hlt", "hlt", 12, "HLT",
    N_("The guest's vCPU has nothing to do. KVM stops running it and lets the physical CPU run something "
       "else until an interrupt for the guest arrives."), TRUE },
  [OSL_VMX_CAUSE_CPUID] = { "cpuid", "cpuid", 10, "CPUID",
    N_("CPUID always exits. The hypervisor answers with the CPU features it chooses to show the guest "
       "(and sets the \"hypervisor present\" bit), then skips the instruction."), TRUE },
  [OSL_VMX_CAUSE_IO] = { "io", "out 0x3f8, al", 30, N_("I/O instruction"),
    N_("The guest wrote a byte to port 0x3F8, the first serial port. There is no real UART: the "
       "hypervisor's device model (QEMU, in ring 3 of VMX root) emulates it and prints the character."), TRUE },
  [OSL_VMX_CAUSE_CR3_WRITE] = { "cr3", "mov cr3, rax", 28, N_("Control-register access"),
    N_("Without EPT the hypervisor keeps shadow page tables, so it must see every CR3 load and switch to the "
       "matching shadow tables. With EPT on, KVM turns CR3-load exiting off and this instruction no longer "
       "exits."), TRUE },
  [OSL_VMX_CAUSE_EPT_VIOLATION] = { "ept", "mov rax, [rbx]", 48, N_("EPT violation"),
    N_("The guest-physical page is not mapped in the EPT yet (EPT entries have no P bit: R, W, X all 0). "
       "The hypervisor allocates a host page, fills the EPT entry, and re-enters. The same instruction runs "
       "again, now without a fault. A fault in the guest's own page tables would instead be an ordinary #PF "
       "handled by the guest kernel, with no VM exit."), FALSE },
};

const OslVmxCauseInfo *
osl_vmx_cause_get_info (OslVmxCause cause)
{
  g_return_val_if_fail (cause < OSL_VMX_N_CAUSES, NULL);
  return &causes[cause];
}

gboolean
osl_vmx_parse_cause (const char   *id,
                     OslVmxCause  *cause,
                     GError      **error)
{
  for (guint i = 0; i < OSL_VMX_N_CAUSES; i++)
    if (g_strcmp0 (causes[i].id, id) == 0)
      {
        *cause = i;
        return TRUE;
      }
  g_set_error (error, OSL_VMX_ERROR, OSL_VMX_ERROR_UNKNOWN,
               _("“%s” is not a VM exit cause; choose hlt, cpuid, io, cr3 or ept."), id != NULL ? id : "");
  return FALSE;
}

OslVmxState
osl_vmx_start (OslVmxCause cause)
{
  return (OslVmxState) { cause, OSL_VMX_PHASE_GUEST_APP, 0, 0, GUEST_START_RIP };
}

/* After RESUMED the loop starts again at the guest application. */
OslVmxState
osl_vmx_step (OslVmxState state)
{
  state.step++;
  state.phase = (state.phase + 1) % OSL_VMX_N_PHASES;
  if (state.phase == OSL_VMX_PHASE_VM_EXIT)
    state.exits++;
  if (state.phase == OSL_VMX_PHASE_VM_ENTRY && causes[state.cause].advances_rip)
    state.guest_rip += state.cause == OSL_VMX_CAUSE_IO ? 2 : 3;
  return state;
}

OslVmxState
osl_vmx_step_back (OslVmxState state)
{
  OslVmxState replay = osl_vmx_start (state.cause);
  guint target = state.step > 0 ? state.step - 1 : 0;

  while (replay.step < target)
    replay = osl_vmx_step (replay);
  return replay;
}

OslVmxMode
osl_vmx_phase_mode (OslVmxPhase phase)
{
  switch (phase)
    {
    case OSL_VMX_PHASE_VM_EXIT:
    case OSL_VMX_PHASE_HANDLER:
    case OSL_VMX_PHASE_VM_ENTRY:
      return OSL_VMX_ROOT;
    case OSL_VMX_PHASE_GUEST_APP:
    case OSL_VMX_PHASE_GUEST_KERNEL:
    case OSL_VMX_PHASE_SENSITIVE:
    case OSL_VMX_PHASE_RESUMED:
    case OSL_VMX_N_PHASES:
    default:
      return OSL_VMX_NON_ROOT;
    }
}

/* The I/O exit is finished by the device model in ring 3 of root mode. */
int
osl_vmx_phase_ring (OslVmxState state)
{
  switch (state.phase)
    {
    case OSL_VMX_PHASE_GUEST_APP:
      return 3;
    case OSL_VMX_PHASE_HANDLER:
      return state.cause == OSL_VMX_CAUSE_IO ? 3 : 0;
    case OSL_VMX_PHASE_GUEST_KERNEL:
    case OSL_VMX_PHASE_SENSITIVE:
    case OSL_VMX_PHASE_VM_EXIT:
    case OSL_VMX_PHASE_VM_ENTRY:
    case OSL_VMX_PHASE_RESUMED:
    case OSL_VMX_N_PHASES:
    default:
      return 0;
    }
}

char *
osl_vmx_describe (OslVmxState state)
{
  const OslVmxCauseInfo *info = &causes[state.cause];

  switch (state.phase)
    {
    case OSL_VMX_PHASE_GUEST_APP:
      return g_strdup (_("A guest application runs in ring 3 of VMX non-root mode, directly on the CPU: "
                         "no hypervisor code is involved."));
    case OSL_VMX_PHASE_GUEST_KERNEL:
      return g_strdup (_("It makes a system call. The guest kernel takes it in ring 0 of non-root mode, "
                         "still without a VM exit: the guest OS runs directly on the hardware."));
    case OSL_VMX_PHASE_SENSITIVE:
      if (state.cause == OSL_VMX_CAUSE_EPT_VIOLATION)
        return g_strdup_printf (_("The guest kernel executes “%s”: the guest page tables give a guest-physical "
                                  "address, but its EPT entry is not present."), info->instruction);
      return g_strdup_printf (_("The guest kernel executes “%s”, a sensitive instruction that the VMCS "
                                "execution controls make exit."), info->instruction);
    case OSL_VMX_PHASE_VM_EXIT:
      return g_strdup_printf (_("VM exit (reason %u, %s): the CPU saves the guest state in the VMCS, loads the "
                                "host state and continues in VMX root mode."),
                              info->exit_reason, _(info->exit_name));
    case OSL_VMX_PHASE_HANDLER:
      return g_strdup (_(info->handler));
    case OSL_VMX_PHASE_VM_ENTRY:
      if (info->advances_rip)
        return g_strdup (_("VM entry (VMRESUME): the hypervisor moved the guest's RIP past the instruction; "
                           "the CPU loads the guest state and returns to non-root mode."));
      return g_strdup (_("VM entry (VMRESUME) with the guest's RIP unchanged: the faulting instruction "
                         "will run again."));
    case OSL_VMX_PHASE_RESUMED:
    case OSL_VMX_N_PHASES:
    default:
      return g_strdup (_("The guest continues as if nothing had happened. It cannot tell, except by the "
                         "time that passed."));
    }
}
