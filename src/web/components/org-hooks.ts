import { z } from 'zod';
import { CenterView, DepartmentView, StaffView, WindowView } from '../../shared/contracts/org';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

export const useCenters = () => useApi(() => api('GET', '/org/centers', { schema: z.array(CenterView) }), []);
export const useDepartments = (centerId?: string) =>
  useApi(
    () => api('GET', '/org/departments', { query: { centerId }, schema: z.array(DepartmentView) }),
    [centerId],
  );
export const useWindows = (centerId?: string) =>
  useApi(() => api('GET', '/org/windows', { query: { centerId }, schema: z.array(WindowView) }), [centerId]);
export const useStaff = (centerId?: string) =>
  useApi(() => api('GET', '/org/staff', { query: { centerId }, schema: z.array(StaffView) }), [centerId]);
