import { defineConfig } from 'tsup';
import { cli } from '../../tsup.shared';

// A CLI package: the bin only, no library entry.
export default defineConfig([{ ...cli, clean: true }]);
