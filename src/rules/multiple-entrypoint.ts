import { multipleRule } from './multiple-instructions.js'

export const multipleEntrypoint = multipleRule('ENTRYPOINT', 'multiple-entrypoint', 'DL4004')
