// How a staff list writes a booking's codes in French: its payment (with a badge's colour), its
// control type and its origin; a code the vocabulary does not know yet is shown as it is rather
// than hidden.
import { BOOKING_SOURCE, PAYMENT_STATUS, type BookingSource, type PaymentStatus } from '@/domain/staffVocabulary';
import { CONTROL_TYPE, type ControlType } from '@/domain/vocabulary';
import type { BadgeTone } from '@/ui';

/** "Payé", "À régler au centre"… */
export const paymentLabel = (code: string): string => PAYMENT_STATUS[code as PaymentStatus]?.label ?? code;

const PAYMENT_TONE: Readonly<Record<PaymentStatus, BadgeTone>> = {
  unpaid: 'neutral',
  pending: 'warning',
  paid: 'success',
  failed: 'danger',
  refunded: 'info',
  partially_refunded: 'info',
  on_site: 'brand',
};

/** The badge colour of a payment status: paid green, refused red, under way amber, refunded blue. */
export const paymentTone = (code: string): BadgeTone => PAYMENT_TONE[code as PaymentStatus] ?? 'neutral';

/** The short name of a control type, as its select offers it ("Contrôle périodique"). */
export const controlLabel = (code: string): string => CONTROL_TYPE[code as ControlType]?.option ?? code;

/** Where the booking was made ("En ligne", "Centre d’appels"…). */
export const sourceLabel = (code: string): string => BOOKING_SOURCE[code as BookingSource]?.label ?? code;
