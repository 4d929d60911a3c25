import { MenuTriggerStandIn } from '@/components/ui/menu-trigger-stand-in';
import { useDeferredPopup } from '@/hooks/use-deferred-popup';
import { userDisplayName, useUser } from '@/hooks/use-session';
import { UserMenuTriggerContent, userMenuTriggerClass } from './user-menu-trigger';

const loadUserMenuPopup = () => import('./user-menu-popup');

/** Avatar button in the top bar: who is signed in, their role here, and sign out. The menu loads after first paint. */
export function UserMenu() {
  const { module, activation, standInProps } = useDeferredPopup(loadUserMenuPopup);
  const user = useUser();
  if (module) return <module.UserMenuPopup activation={activation} />;
  return (
    <MenuTriggerStandIn className={userMenuTriggerClass} data-testid="user-menu" {...standInProps}>
      <UserMenuTriggerContent name={userDisplayName(user)} />
    </MenuTriggerStandIn>
  );
}
