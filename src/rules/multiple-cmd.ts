import { multipleRule } from './multiple-instructions.js'

export const multipleCmd = multipleRule('CMD', 'multiple-cmd', 'DL4003')
