import { placeholder } from '@cupid-dashboard/core';
export const sim = placeholder + 1;
