export { startAnthropicEmulator, type AnthropicEmulator, type AnthropicEmulatorOptions } from './anthropic';
export {
  BEDROCK_EXCEPTION_STATUS,
  startBedrockEmulator,
  type BedrockEmulator,
  type BedrockEmulatorOptions,
} from './bedrock';
export {
  defaultResponder,
  estimateTokens,
  type EmulatedMessage,
  type EmulatedRequest,
  type Emulator,
  type Responder,
  type Scripted,
  type ScriptedError,
  type ScriptedReply,
} from './script';
