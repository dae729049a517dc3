// The French words of the staff portals' own error codes and refused fields. The staff features'
// API modules add them when they load (`addStaffMessages()` at their top), so that the client
// portal's first load does not carry them.
import { addMessages } from './messages';

const CODES: Record<string, string> = {
  NOT_INVITED: 'Ce compte a déjà choisi son mot de passe : il n’a plus besoin d’invitation.',
  ROLE_NOT_GRANTABLE: 'Vous ne pouvez pas attribuer ce rôle sur ce périmètre.',
  CANNOT_CHANGE_OWN_ACCESS: 'Vous ne pouvez changer ni votre propre rôle, ni votre agence ou votre centre, ni votre statut, ni supprimer votre compte.',
  CODE_TAKEN: 'Ce code est déjà utilisé dans le réseau.',
};

const FIELDS: Record<string, string> = {
  role: 'Rôle invalide.',
  agency_id: 'Choisissez une agence de votre périmètre.',
  centre_id: 'Choisissez un centre de votre périmètre.',
  'general.name': 'Nom requis (120 caractères au plus).',
  'general.legal_name': '160 caractères au plus.',
  'general.siret': 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.',
  'general.address': '200 caractères au plus.',
  'general.postcode': 'Code postal : 5 chiffres.',
  'general.city': '100 caractères au plus.',
  'general.phone': 'Numéro de téléphone invalide.',
  'general.email': 'Adresse e-mail invalide.',
  'booking_policy.min_notice_minutes': '30 jours (720 h) au plus.',
  'booking_policy.horizon_days': 'De 1 à 730 jours.',
  'booking_policy.modification_deadline_hours': '720 heures (30 jours) au plus.',
  'booking_policy.cancellation_deadline_hours': '720 heures (30 jours) au plus.',
  'booking_policy.refund_before_deadline_percent': 'De 0 à 100 %.',
  'booking_policy.refund_after_deadline_percent': 'De 0 à 100 %, et pas plus que le remboursement avant le délai.',
  'booking_policy.recheck_window_months': 'De 1 à 24 mois.',
  'booking_policy.overbooking_percent': 'De 100 à 200 %.',
  'booking_policy.fill_warning_percent': 'De 1 à 200 %.',
  'booking_policy.hold_minutes': 'De 1 à 120 minutes.',
  'branding.primary_color': 'Couleur refusée : le texte blanc doit y avoir un contraste d’au moins 4,5:1.',
  'branding.portal_title': '60 caractères au plus.',
  logo: 'Le logo doit être une image PNG, JPEG ou WebP de 256 Kio au plus.',
  code: 'De 1 à 20 lettres, chiffres, « - » ou « _ ».',
  name: 'Nom requis (120 caractères au plus).',
  address: 'Adresse invalide (200 caractères au plus).',
  postcode: 'Aucune commune n’a ce code postal.',
  city: 'Aucune commune de ce code postal ne porte ce nom.',
  lat: 'Position invalide.',
  lng: 'Position invalide.',
  time_zone: 'Fuseau horaire inconnu.',
  lanes: 'Entre 1 et 20 lignes.',
  daily_capacity: 'Entre 1 et 1000 contrôles par jour.',
  grid_minutes: 'Entre 5 et 120 minutes.',
  buffer_minutes: 'Entre 0 et 120 minutes.',
  overbooking_percent: 'Entre 100 et 200 %.',
  holiday_policy: 'Choix des jours fériés invalide.',
  vehicle_categories: 'Catégories de véhicules invalides.',
  opening_hours: 'Horaires invalides : des plages se chevauchent ou finissent avant de commencer.',
  start: 'Date de début invalide (cette heure n’existe peut-être pas, au passage à l’heure d’été).',
  end: 'Date de fin invalide : après le début, 366 jours au plus.',
  reason: 'Motif trop long (200 caractères au plus).',
  month: 'Mois invalide : choisissez un mois de 2000 à 2100.',
  query: 'L’adresse de la page contient un paramètre invalide.',
};

/** Makes `errorMessage` and `fieldMessage` speak the staff portals' codes and fields too. */
export function addStaffMessages(): void {
  addMessages(CODES, FIELDS);
}
