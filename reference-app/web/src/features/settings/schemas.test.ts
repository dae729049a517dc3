import { describe, expect, it } from 'vitest';
import type { BookingPolicy, BrandingSettings, GeneralSettings } from '@/api/types';
import { brandingSchema, generalSchema, policyFormValues, policySchema, toBrandingChange, toGeneralChange, toPolicyChange } from './schemas';

const GENERAL: GeneralSettings = { name: 'Réseau', legal_name: '', siret: '73282932000074', address: '', postcode: '75001', city: 'Paris', phone: '', email: '' };
const POLICY: BookingPolicy = {
  min_notice_minutes: 120,
  horizon_days: 90,
  modification_deadline_hours: 24,
  cancellation_deadline_hours: 24,
  refund_before_deadline_percent: 100,
  refund_after_deadline_percent: 0,
  late_cancellation_allowed: true,
  recheck_window_months: 2,
  overbooking_percent: 100,
  fill_warning_percent: 90,
  hold_minutes: 10,
};
const BRANDING: BrandingSettings = { primary_color: '#1d4ed8', portal_title: null, logo_url: null };

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the identity form', () => {
  it('refuses a SIRET failing the Luhn check and a postcode of four digits', () => {
    const result = generalSchema.safeParse({ ...GENERAL, siret: '73282932000075', postcode: '7500' });
    expect(Object.keys(issues(result)).sort()).toEqual(['postcode', 'siret']);
  });

  it('sends only what changed, the SIRET without its spaces', () => {
    expect(toGeneralChange({ ...GENERAL, siret: '732 829 320 00074', city: ' Lyon ' }, GENERAL)).toEqual({ city: 'Lyon' });
  });
});

describe('the booking rules form', () => {
  it('holds the server’s limits', () => {
    const values = { ...policyFormValues(POLICY), horizon_days: 731, hold_minutes: 0, overbooking_percent: 99, refund_after_deadline_percent: 50, refund_before_deadline_percent: 40 };
    expect(issues(policySchema.safeParse(values))).toEqual({
      horizon_days: '730 au plus.',
      hold_minutes: '1 au moins.',
      overbooking_percent: '100 au moins.',
      refund_after_deadline_percent: 'Pas plus que le remboursement avant le délai.',
    });
  });

  it('refuses a minimum notice over 30 days', () => {
    expect(issues(policySchema.safeParse({ ...policyFormValues(POLICY), notice_hours: 720, notice_minutes: 1 }))).toEqual({ notice_hours: '30 jours (720 h) au plus.' });
  });

  it('enters the notice as hours and minutes, and sends only the changed rules', () => {
    const values = policyFormValues(POLICY);
    expect(values).toMatchObject({ notice_hours: 2, notice_minutes: 0 });
    expect(toPolicyChange({ ...values, notice_minutes: 30, horizon_days: 120 }, POLICY)).toEqual({ min_notice_minutes: 150, horizon_days: 120 });
    expect(toPolicyChange(values, POLICY)).toEqual({});
  });
});

describe('the branding form', () => {
  it('refuses a colour white text does not read on', () => {
    expect(issues(brandingSchema.safeParse({ primary_color: '#ffb800', portal_title: '' }))).toEqual({ primary_color: 'Le texte blanc y serait peu lisible : contraste inférieur à 4,5:1.' });
    expect(brandingSchema.safeParse({ primary_color: '#0B5D1E', portal_title: '' }).success).toBe(true);
  });

  it('sends the colour in lower case, and an emptied title as null', () => {
    expect(toBrandingChange({ primary_color: '#0B5D1E', portal_title: '' }, BRANDING)).toEqual({ primary_color: '#0b5d1e' });
    expect(toBrandingChange({ primary_color: '#1d4ed8', portal_title: '' }, { ...BRANDING, portal_title: 'Ancien' })).toEqual({ portal_title: null });
  });
});
