import { multipleRule } from './multiple-instructions.js'

export const multipleHealthcheck = multipleRule('HEALTHCHECK', 'multiple-healthcheck', 'DL3012')
