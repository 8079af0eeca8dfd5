export { WIRE_OP_NAMES, type WireAnswer, answerWireLine, answerWireRequest } from './answer.js';
