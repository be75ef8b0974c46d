import { z } from 'zod';

// Validation messages in Dutch, the language of the register's users, for every zod schema in the process.
// Imported for its effect by every module whose validation messages reach people (API, imports).
z.config(z.locales.nl());
