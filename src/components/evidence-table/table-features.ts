import { columnVisibilityFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table';

/**
 * Registered once: the features every evidence table uses. Sorting state and
 * header handlers come from rowSortingFeature; the ordering itself is done
 * upstream by selectSortedRows (manualSorting), so no sorted row model here.
 */
export const tableSetup = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
export type TableSetup = typeof tableSetup;
