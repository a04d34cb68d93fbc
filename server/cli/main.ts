import { Command, CommanderError } from 'commander';
import { registerAgreementCommand } from './agreement-command';
import { registerBackupCommand } from './backup-command';
import { registerDatabaseCommands } from './database-commands';
import { registerExportCommand } from './export-command';
import { registerImportCommand } from './import-command';
import { registerJudgeCommand } from './judge-command';
import { UsageError } from './output';
import { registerProjectCommands } from './project-commands';
import { registerServeCommands } from './serve-commands';
import { registerUserCommands } from './user-commands';

/** `redline` — the command line of SPEC §7. Exit codes: 0 done, 1 failed, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('redline')
    .description('Correct reward-model judgments of math solutions; export fine-tuning data.')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommands(program);
  registerDatabaseCommands(program);
  registerImportCommand(program);
  registerExportCommand(program);
  registerAgreementCommand(program);
  registerJudgeCommand(program);
  registerUserCommands(program);
  registerProjectCommands(program);
  registerBackupCommand(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`redline: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`redline: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.REDLINE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
