import { DEMO_PASSWORD } from '../../shared/constants';

/** Shown while the demo users exist with their published password (MeDto.demo). */
export function DemoNotice() {
  return (
    <p className="demo-notice" role="note">
      Demo users with the published password &apos;{DEMO_PASSWORD}&apos; — for trying Redline only
    </p>
  );
}
