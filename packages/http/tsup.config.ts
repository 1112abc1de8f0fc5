import { defineConfig } from 'tsup';
import { cli, library } from '../../tsup.shared';

export default defineConfig([library(['src/index.ts']), cli]);
