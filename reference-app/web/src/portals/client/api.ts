// The client's own data: saved vehicles and notification preferences.
import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import { keys } from '@/api/keys';
import type { NotificationPrefs, Vehicle, VehicleInput } from '@/api/types';

/** The signed-in client's vehicles. */
export const listVehicles = () => api<Vehicle[]>('/users/me/vehicles');
/** Saves a vehicle. */
export const addVehicle = (v: VehicleInput) => api<Vehicle>('/users/me/vehicles', { method: 'POST', body: v });
/** Changes a saved vehicle. */
export const updateVehicle = (id: string, v: VehicleInput) => api<Vehicle>(`/users/me/vehicles/${id}`, { method: 'PUT', body: v });
/** Removes a saved vehicle (its bookings stay). */
export const deleteVehicle = (id: string) => api<void>(`/users/me/vehicles/${id}`, { method: 'DELETE' });

/** The signed-in client's notification preferences. */
export const getNotificationPrefs = () => api<NotificationPrefs>('/users/me/notifications');
/** Replaces the notification preferences. */
export const putNotificationPrefs = (p: NotificationPrefs) => api<NotificationPrefs>('/users/me/notifications', { method: 'PUT', body: p });

/** The query of the saved vehicles. */
export const vehiclesQuery = () => queryOptions({ queryKey: keys.vehicles(), queryFn: listVehicles });

/** The query of the notification preferences. */
export const notificationPrefsQuery = () => queryOptions({ queryKey: keys.notificationPrefs(), queryFn: getNotificationPrefs });
